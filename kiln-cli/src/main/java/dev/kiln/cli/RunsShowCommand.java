package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.core.runner.NodeRun;
import dev.kiln.core.runner.RunStateStore;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.TrackingStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln runs show RUN_ID}: a run's status, params, metrics, tags, datasets, failures. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a run's status, params, metrics, tags and datasets.")
final class RunsShowCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;
  @Mixin JsonOutput json;

  @Parameters(paramLabel = "RUN_ID")
  String runId;

  @Override
  public void run() {
    Project project = options.open();
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      TrackingStore store = tracking.store();
      Run r = store.getRun(runId);
      PrintWriter out = spec.commandLine().getOut();
      List<NodeRun> failed = failures(project, r.tags().get("kiln.run_id"));
      if (json.enabled()) {
        JsonOutput.print(out, JsonOutput.object("run_id", r.id(), "name", r.name(),
            "status", r.status().name(), "experiment_id", r.experimentId(),
            "start_time", JsonOutput.time(r.startTime()), "end_time", JsonOutput.time(r.endTime()),
            "params", r.params(), "metrics", RunsCommand.metricValues(r), "tags", r.tags(),
            "datasets", r.inputs().stream().map(d -> JsonOutput.object("name", d.name(),
                "location", d.location(), "content_hash", d.contentHash(),
                "rows", d.rowCount() < 0 ? null : d.rowCount())).toList(),
            "failed_nodes", failed.stream().map(n -> JsonOutput.object("node", n.name(),
                "error", n.error(), "trace", n.trace())).toList()));
        return;
      }
      out.printf("Run %s (%s), %s, started %s%n", r.id(), r.name(), r.status(),
          Instant.ofEpochMilli(r.startTime()));
      for (Table t : List.of(Table.of("param", "value", r.params()),
          Table.of("metric", "value", RunsCommand.metricValues(r)), Table.of("tag", "value", r.tags()))) {
        out.println();
        t.print(out);
      }
      Table datasets = Table.of("dataset", "content hash", "rows", "location");
      r.inputs().forEach(d -> datasets.row(d.name(),
          d.contentHash() == null ? null : d.contentHash().substring(0, 16) + "…",
          d.rowCount() < 0 ? null : String.format("%,d", d.rowCount()), d.location()));
      out.println();
      datasets.print(out);
      failed.forEach(n -> {
        out.println("failed node '" + n.name() + "'");
        out.println("  " + n.error().replace("\n", "\n  "));
        if (n.trace() != null) {
          out.print(n.trace().indent(2));
        }
      });
    }
  }

  /** Returns the failed nodes of the run's local state ({@code .kiln/runs}). */
  private static List<NodeRun> failures(Project project, String localId) {
    return new RunStateStore(project.stateDir()).list().stream()
        .filter(s -> s.runId().equals(localId)).findFirst()
        .map(state -> state.nodes().stream().filter(n -> n.error() != null).toList())
        .orElse(List.of());
  }
}
