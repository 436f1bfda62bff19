package dev.kiln.cli;

import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.registry.RegisteredModel;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The read-only {@code kiln models} subcommands list and show ({@link ModelVersionsCommand} lists
 * versions), and the JSON shape of a version they share.
 */
final class ModelsViewCommands {
  private ModelsViewCommands() {}

  /** {@code kiln models list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List models.")
  static final class ListModels implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin JsonOutput json;

    @Override
    public void run() {
      try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
        TrackingStore store = tracking.store();
        PrintWriter out = spec.commandLine().getOut();
        List<RegisteredModel> models = store.searchRegisteredModels(SearchRequest.of(""))
            .items();
        if (json.enabled()) {
          JsonOutput.print(out, JsonOutput.object("models", models.stream().map(m ->
              JsonOutput.object("name", m.name(), "description", m.description(),
                  "created", JsonOutput.time(m.creationTime()), "aliases", m.aliases(),
                  "latest_version", latest(store, m.name()).map(ModelVersion::version)
                      .orElse(null))).toList()));
          return;
        }
        Table table = Table.of("model", "latest", "aliases");
        models.forEach(m -> table.row(m.name(), latest(store, m.name())
            .map(ModelVersion::version).orElse(null), aliasText(m.aliases())));
        table.print(out);
      }
    }
  }

  /** {@code kiln models show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a model: description, tags, aliases and its latest version's metrics.")
  static final class ShowModel implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;
    @Mixin JsonOutput json;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public void run() {
      try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
        TrackingStore store = tracking.store();
        PrintWriter out = spec.commandLine().getOut();
        RegisteredModel m = store.getRegisteredModel(name);
        List<ModelVersion> versions = store.searchModelVersions(name);
        Optional<ModelVersion> latest = latest(store, name);
        if (json.enabled()) {
          JsonOutput.print(out, JsonOutput.object("name", m.name(), "description",
              m.description(), "created", JsonOutput.time(m.creationTime()), "tags", m.tags(),
              "aliases", m.aliases(), "version_count", versions.size(),
              "latest", latest.map(ModelsViewCommands::versionJson).orElse(null)));
          return;
        }
        Table table = Table.of("field", "value").row("model", m.name())
            .row("description", m.description() == null || m.description().isEmpty() ? null
                : m.description())
            .row("created", Instant.ofEpochMilli(m.creationTime()))
            .row("versions", versions.size()).row("aliases", aliasText(m.aliases()));
        new TreeMap<>(m.tags()).forEach((k, v) -> table.row("tag " + k, v));
        latest.ifPresent(v -> {
          table.row("latest", "version " + v.version() + ", run " + (v.runId() == null ? "-"
              : v.runId()));
          new TreeMap<>(v.tags()).forEach((k, t) -> table.row("latest " + k, t));
        });
        table.print(out);
      }
    }
  }

  private static Optional<ModelVersion> latest(TrackingStore store, String name) {
    return store.searchModelVersions(name).stream()
        .max(Comparator.comparingLong(ModelVersion::version));
  }

  /** Aliases as {@code champion=v3, challenger=v4}, sorted by name; {@code -} when none. */
  private static String aliasText(Map<String, Long> aliases) {
    return aliases.isEmpty() ? "-" : new TreeMap<>(aliases).entrySet().stream()
        .map(e -> e.getKey() + "=v" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Returns a version as the {@code --json} listings print it (schema in docs/cli.md). */
  static Map<String, Object> versionJson(ModelVersion v) {
    return JsonOutput.object("version", v.version(), "created",
        JsonOutput.time(v.creationTime()), "run_id", v.runId(), "source", v.source(),
        "tags", v.tags());
  }
}
