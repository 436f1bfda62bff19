package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.AliasGuard;
import dev.kiln.lifecycle.MetricsScraper;
import dev.kiln.lifecycle.ServingGuard;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.tracking.ProjectTracking;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models guard NAME}: watches an alias on a server and rolls it back on a breach. */
@Command(name = "guard", mixinStandardHelpOptions = true,
    description = "Watch the version behind an alias on a running model server and roll the"
        + " alias back when its 5xx rate or p99 latency crosses a threshold (exit 4).")
final class ModelsGuardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;

  @Parameters(paramLabel = "NAME") String name;

  @Option(names = "--server", paramLabel = "URL", required = true,
      description = "Model server URL, e.g. http://localhost:8080")
  String server;

  @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion") String alias;

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1m",
      converter = DurationConverter.class,
      description = "Window between the two metric scrapes (default 1m).")
  Duration window;

  @Option(names = "--max-error-rate", paramLabel = "RATE", defaultValue = "0.05",
      description = "Largest share of 5xx answers (default 0.05).")
  double maxErrorRate;

  @Option(names = "--max-p99", paramLabel = "DURATION", defaultValue = "250ms",
      converter = DurationConverter.class, description = "Largest p99 latency (default 250ms).")
  Duration maxP99;

  @Option(names = "--min-requests", paramLabel = "N", defaultValue = "50",
      description = "Fewest requests in a window to judge it (default 50).")
  long minRequests;

  @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token for a"
      + " protected server, from this environment variable.")
  String tokenEnv;

  @Option(names = "--on-decay", description = "Also roll back when the latest 'kiln"
      + " monitor' report, written after the alias moved, found label-based decay.")
  boolean onDecay;

  @Option(names = "--watch", description = "Keep watching, window after window, until a"
      + " rollback.")
  boolean watch;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Project project = options.open();
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      AliasGuard guard = new AliasGuard(tracking.store(), MonitorReports.of(project.layout()),
          new MetricsScraper(server, Secrets.fromEnv(tokenEnv)), new AliasGuard.Settings(
              new ServingGuard(maxErrorRate, maxP99, minRequests), window, onDecay));
      do {
        AliasGuard.Verdict v = guard.watchOnce(name, alias);
        if (v.rolledBack()) {
          out.printf("Rolled back %s@%s from version %d to %d: %s over %s%n", name, alias,
              v.version(), v.rolledBackTo().version(), v.breach().orElseThrow(), window);
          return Main.CHECK_FAILED;
        }
        out.printf(Locale.ROOT, "%s@%s version %d healthy over %s: %d requests, error rate"
            + " %.2f%%, p99 %.1f ms%n", name, alias, v.version(), window, v.window().requests(),
            v.window().errorRate() * 100, v.window().p99Seconds() * 1000);
        out.flush();
      } while (watch);
    }
    return 0;
  }
}
