package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import dev.kiln.tracking.experiment.Experiment;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln runs list|show|compare}: the tracked runs of a project. */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsShowCommand.class,
    description = "Inspect tracked runs.")
final class RunsCommand {
  @Spec CommandSpec spec;

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List runs, newest first, optionally filtered and ordered.")
  void list(@Mixin ProjectOptions options, @Mixin JsonOutput json,
      @Option(names = "--filter", paramLabel = "EXPR", defaultValue = "",
          description = "MLflow-style filter, e.g."
          + " \"metrics.metrics.roc_auc > 0.9 AND attributes.status = 'FINISHED'\".") String filter,
      @Option(names = "--order-by", paramLabel = "ORDER",
          description = "e.g. 'metrics.metrics.roc_auc DESC'.")
      List<String> orderBy,
      @Option(names = "--metrics", paramLabel = "NAME", split = ",", description = "Metrics to"
          + " show as columns, e.g. --metrics metrics.roc_auc,metrics.pr_auc (default: those"
          + " in --order-by).") List<String> metrics,
      @Option(names = "--max", paramLabel = "N", defaultValue = "50",
          description = "At most this many runs.") int max) {
    Project project = options.open();
    PrintWriter out = spec.commandLine().getOut();
    List<String> order = orderBy == null ? List.of() : orderBy;
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      TrackingStore store = tracking.store();
      List<String> experiments = store.searchExperiments(SearchRequest.of(""),
          ViewType.ACTIVE_ONLY).items().stream().map(Experiment::id).toList();
      List<Run> runs = experiments.isEmpty() ? List.of() : store.searchRuns(experiments,
          new SearchRequest(filter, max, order, null), ViewType.ACTIVE_ONLY).items();
      if (json.enabled()) {
        JsonOutput.print(out, JsonOutput.object("runs", runs.stream().map(r -> JsonOutput.object(
            "run_id", r.id(), "name", r.name(), "status", r.status().name(),
            "experiment_id", r.experimentId(), "start_time", JsonOutput.time(r.startTime()),
            "end_time", JsonOutput.time(r.endTime()), "params", r.params(),
            "metrics", metricValues(r))).toList()));
        return;
      }
      List<String> shown = metrics != null ? metrics : orderedMetrics(order);
      List<String> headers = new ArrayList<>(List.of("run", "status", "started"));
      headers.addAll(shown);
      headers.add("name");
      Table table = Table.of(headers.toArray(String[]::new));
      for (Run r : runs) {
        List<Object> cells = new ArrayList<>(List.of(r.id(), r.status(),
            Instant.ofEpochMilli(r.startTime()).toString().substring(0, 19)));
        shown.forEach(m -> cells.add(r.metrics().containsKey(m)
            ? String.format(Locale.ROOT, "%.4f", r.metrics().get(m).value()) : null));
        cells.add(r.name());
        table.row(cells.toArray());
      }
      table.print(out);
    }
  }

  /** The metric names of {@code metrics.<name> [ASC|DESC]} order clauses. */
  private static List<String> orderedMetrics(List<String> orderBy) {
    return orderBy.stream().map(o -> o.trim().split("\\s+")[0])
        .filter(k -> k.startsWith("metrics.")).map(k -> k.substring(8)).toList();
  }

  static Map<String, Double> metricValues(Run r) {
    Map<String, Double> values = new TreeMap<>();
    r.metrics().forEach((k, m) -> values.put(k, m.value()));
    return values;
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Compare runs side by side; differing values are marked with '*'.")
  void compare(@Mixin ProjectOptions options,
      @Parameters(paramLabel = "RUN_ID", arity = "2..*") List<String> runIds) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
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
}
