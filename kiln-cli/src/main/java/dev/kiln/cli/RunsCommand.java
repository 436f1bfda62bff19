package dev.kiln.cli;

import dev.kiln.tracking.Experiment;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import dev.kiln.core.project.Project;
import dev.kiln.core.runner.RunStateStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln runs list|show|compare}: the tracked runs of a project. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Inspect tracked runs.")
final class RunsCommand {
  @Spec CommandSpec spec;

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List runs, newest first, optionally filtered and ordered.")
  void list(@Mixin ProjectOptions options,
      @Option(names = "--filter", defaultValue = "", description = "MLflow-style filter, e.g."
          + " \"metrics.metrics.roc_auc > 0.9 AND attributes.status = 'FINISHED'\".") String filter,
      @Option(names = "--order-by", description = "e.g. 'metrics.metrics.roc_auc DESC'.")
      List<String> orderBy,
      @Option(names = "--max", defaultValue = "50", description = "At most this many runs.") int max) {
    Project project = options.open();
    PrintWriter out = spec.commandLine().getOut();
    try (TrackingStore store = Tracking.open(project)) {
      List<String> experiments = store.searchExperiments(SearchRequest.of(""),
          ViewType.ACTIVE_ONLY).items().stream().map(Experiment::id).toList();
      List<Run> runs = experiments.isEmpty() ? List.of() : store.searchRuns(experiments,
          new SearchRequest(filter, max, orderBy == null ? List.of() : orderBy, null),
          ViewType.ACTIVE_ONLY).items();
      out.printf("%-36s  %-9s  %-20s  %s%n", "run", "status", "started", "name");
      for (Run r : runs) {
        out.printf("%-36s  %-9s  %-20s  %s%n", r.id(), r.status(),
            Instant.ofEpochMilli(r.startTime()).toString().substring(0, 19), r.name());
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a run's status, params, metrics, tags and datasets.")
  void show(@Mixin ProjectOptions options, @Parameters(paramLabel = "RUN_ID") String runId) {
    Project project = options.open();
    try (TrackingStore store = Tracking.open(project)) {
      Run r = store.getRun(runId);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Run %s (%s), %s, started %s%n", r.id(), r.name(), r.status(),
          Instant.ofEpochMilli(r.startTime()));
      section(out, "params", r.params());
      Map<String, String> metrics = new java.util.TreeMap<>();
      r.metrics().forEach((k, m) -> metrics.put(k, String.valueOf(m.value())));
      section(out, "metrics", metrics);
      section(out, "tags", r.tags());
      out.println("datasets");
      r.inputs().forEach(d -> out.printf("  %-28s %-18s %10s  %s%n", d.name(),
          d.contentHash() == null ? "" : d.contentHash().substring(0, 16) + "…",
          d.rowCount() < 0 ? "" : String.format("%,d rows", d.rowCount()), d.location()));
      failures(out, project, r.tags().get("kiln.run_id"));
    }
  }

  /** Prints the failed nodes of the run's local state ({@code .kiln/runs}), with their traces. */
  private static void failures(PrintWriter out, Project project, String localId) {
    new RunStateStore(project.dir().resolve(".kiln")).list().stream()
        .filter(s -> s.runId().equals(localId)).findFirst()
        .ifPresent(state -> state.nodes().stream().filter(n -> n.error() != null).forEach(n -> {
          out.println("failed node '" + n.name() + "'");
          out.println("  " + n.error().replace("\n", "\n  "));
          if (n.trace() != null) {
            out.print(n.trace().indent(2));
          }
        }));
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Compare runs side by side; differing values are marked with '*'.")
  void compare(@Mixin ProjectOptions options,
      @Parameters(paramLabel = "RUN_ID", arity = "2..*") List<String> runIds) {
    try (TrackingStore store = Tracking.open(options.open())) {
      List<Run> runs = new ArrayList<>();
      runIds.forEach(id -> runs.add(store.getRun(id)));
      PrintWriter out = spec.commandLine().getOut();
      TreeSet<String> keys = new TreeSet<>();
      runs.forEach(r -> r.params().keySet().forEach(k -> keys.add("params." + k)));
      runs.forEach(r -> r.metrics().keySet().forEach(k -> keys.add("metrics." + k)));
      for (String key : keys) {
        List<String> values = runs.stream().map(r -> key.startsWith("params.")
            ? r.params().getOrDefault(key.substring(7), "-")
            : r.metrics().containsKey(key.substring(8))
                ? String.valueOf(r.metrics().get(key.substring(8)).value()) : "-").toList();
        boolean differs = new TreeSet<>(values).size() > 1;
        out.printf("%s %-40s %s%n", differs ? "*" : " ", key, String.join("  |  ", values));
      }
    }
  }

  private static void section(PrintWriter out, String title, Map<String, String> values) {
    out.println(title);
    new java.util.TreeMap<>(values).forEach((k, v) -> out.printf("  %-28s %s%n", k, v));
  }
}
