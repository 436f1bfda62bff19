package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.RetrainOutcome;
import dev.kiln.lifecycle.RetrainPolicy;
import dev.kiln.lifecycle.RetrainTriggers;
import dev.kiln.lifecycle.Retrainer;
import dev.kiln.ml.RunEnvironment;
import dev.kiln.tracking.ProjectTracking;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln retrain NAME}: one round of continuous training, once or on a schedule. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
    description = "Train a challenger on the current data (validation gate, pipeline), judge it"
        + " against the champion on the same holdout with the blessing rule of kiln.yml"
        + " (retrain:), register it as 'challenger' and promote it to 'champion' when blessed."
        + " Exit 4 when the challenger is refused.")
final class RetrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Registered model name"
      + " (default: retrain.model of kiln.yml, else the project name).")
  String name;

  @Option(names = "--every", converter = DurationConverter.class, description = "Retrain on"
      + " this schedule (e.g. 6h) until stopped, instead of once.")
  Duration every;

  @Option(names = "--if-drift", description = "Only when the latest 'kiln monitor' report of"
      + " the model found drift or decay.")
  boolean ifDrift;

  @Option(names = "--if-new-data", paramLabel = "DATASET", description = "Only when this"
      + " catalog dataset's file changed since the last retraining.")
  String ifNewData;

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() throws Exception {
    int code = round();
    while (every != null) {
      spec.commandLine().getOut().printf("Next retraining at %s%n", Instant.now().plus(every));
      spec.commandLine().getOut().flush();
      Thread.sleep(every.toMillis());
      code = round();
    }
    return code;
  }

  private int round() {
    Project opened = project.open();
    RetrainPolicy base = RetrainPolicy.of(opened.config(), opened.name());
    RetrainPolicy policy = name == null ? base : new RetrainPolicy(name, base.pipeline(),
        base.bundleDataset(), base.holdoutDataset(), base.rule(), base.promote());
    PrintWriter out = spec.commandLine().getOut();
    RetrainTriggers triggers = new RetrainTriggers(opened, ifDrift, ifNewData);
    Optional<String> skip = triggers.skipReason(policy.model());
    if (skip.isPresent()) {
      out.println("Not retraining " + policy.model() + ": " + skip.get());
      return 0;
    }
    try (ProjectTracking tracking = ProjectTracking.open(opened)) {
      ProgressDisplay display = progress.open(out);
      Retrainer retrainer = new Retrainer(opened, tracking.store(), tracking.artifacts(),
          List.of(new ProgressHook(display)), RunEnvironment.tags(opened.dir()));
      Retrainer.Training training;
      try (display) {
        training = retrainer.train(policy);
      }
      RunReport.print(training.state(), out, spec.commandLine().getErr(), opened);
      if (!training.state().succeeded()) {
        spec.commandLine().getErr().println("Retraining stopped: pipeline '" + policy.pipeline()
            + "' failed; nothing was registered, the champion is unchanged.");
        return Main.RUN_FAILED;
      }
      RetrainOutcome outcome = retrainer.judge(policy, training);
      triggers.remember(policy.model());
      report(out, policy, outcome);
      return outcome.verdict().blessed() ? 0 : Main.CHECK_FAILED;
    }
  }

  private void report(PrintWriter out, RetrainPolicy policy, RetrainOutcome o) {
    String metric = policy.rule().metric();
    out.printf(Locale.ROOT, "Challenger %s version %d: %s %.6g%s%n", policy.model(), o.version(),
        metric, o.challengerMetrics().get(metric), o.championMetrics() == null ? ""
            : String.format(Locale.ROOT, "; champion version %d on the same holdout: %.6g",
                o.championVersion(), o.championMetrics().get(metric)));
    o.verdict().reasons().forEach(r -> out.println("  " + r));
    if (o.promoted()) {
      out.printf("Promoted: %s@champion -> version %d (servers following the alias reload it)%n",
          policy.model(), o.version());
    } else if (o.verdict().blessed()) {
      out.printf("Blessed and registered as %s@challenger (retrain.promote is false; promote"
          + " with 'kiln models promote %s %d')%n", policy.model(), policy.model(), o.version());
    } else {
      out.printf("Refused: %s@challenger -> version %d; the champion is unchanged.%n",
          policy.model(), o.version());
    }
    out.printf("Tracked as runs %s (pipeline) and %s (decision)%n", o.pipelineRunId(),
        o.decisionRunId());
  }
}
