package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.AliasGuard;
import dev.kiln.lifecycle.MetricsScraper;
import dev.kiln.lifecycle.ServingGuard;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.AliasMove;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.RegisteredModel;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln models ...}: the model registry (versions of bundles, aliases). */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "Register model bundles as versions, move aliases, roll back.")
final class ModelsCommand {
  @Spec CommandSpec spec;

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Verify a bundle and register it as the next version of a model.")
  void register(@Mixin ProjectOptions options, @Parameters(paramLabel = "BUNDLE") Path bundle,
      @Option(names = "--name", paramLabel = "NAME",
          description = "Model name (default: the bundle's).") String name,
      @Option(names = "--run", paramLabel = "RUN_ID", description = "Tracked run that produced"
          + " it (default: the run recorded in the bundle's lineage, when this project tracked"
          + " it).") String runId) {
    BundleManifest manifest = ModelBundle.verify(bundle);
    Project project = options.open();
    Map<String, String> tags = new LinkedHashMap<>();
    if (manifest.metrics() != null) {
      manifest.metrics().forEach((k, v) -> tags.put("metric." + k, String.valueOf(v)));
    }
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      TrackingStore store = tracking.store();
      String model = name == null ? manifest.name() : name;
      ModelVersions versions = tracking.registry();
      String run = runId != null ? store.getRun(runId).id()
          : versions.producingRun(bundle).orElse(null);
      ModelVersion v = versions.register(model, bundle, run, tags);
      spec.commandLine().getOut().printf("Registered %s version %d (source %s, run %s)%n", model,
          v.version(), v.source(), run == null ? "none: pass --run RUN_ID to link one" : run);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List models.")
  void list(@Mixin ProjectOptions options, @Mixin JsonOutput json) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
      PrintWriter out = spec.commandLine().getOut();
      List<RegisteredModel> models = store.searchRegisteredModels(SearchRequest.of("")).items();
      if (json.enabled()) {
        JsonOutput.print(out, JsonOutput.object("models", models.stream().map(m ->
            JsonOutput.object("name", m.name(), "description", m.description(),
                "created", JsonOutput.time(m.creationTime()), "aliases", m.aliases(),
                "latest_version", latest(store, m.name()).map(ModelVersion::version)
                    .orElse(null))).toList()));
        return;
      }
      Table table = Table.of("model", "latest", "aliases");
      models.forEach(m -> table.row(m.name(), latest(store, m.name()).map(ModelVersion::version)
          .orElse(null), aliasText(m.aliases())));
      table.print(out);
    }
  }

  private static Optional<ModelVersion> latest(TrackingStore store, String name) {
    return store.searchModelVersions(name).stream()
        .max(Comparator.comparingLong(ModelVersion::version));
  }

  /** Aliases as {@code champion=v3, challenger=v4}, sorted by name; {@code -} when none. */
  private static String aliasText(Map<String, Long> aliases) {
    return aliases.isEmpty() ? "-" : new java.util.TreeMap<>(aliases).entrySet().stream()
        .map(e -> e.getKey() + "=v" + e.getValue()).collect(Collectors.joining(", "));
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a model: description, tags, aliases and its latest version's metrics.")
  void show(@Mixin ProjectOptions options, @Mixin JsonOutput json,
      @Parameters(paramLabel = "NAME") String name) {
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
            "latest", latest.map(ModelsCommand::versionJson).orElse(null)));
        return;
      }
      Table table = Table.of("field", "value").row("model", m.name())
          .row("description", m.description() == null || m.description().isEmpty() ? null
              : m.description())
          .row("created", Instant.ofEpochMilli(m.creationTime())).row("versions", versions.size())
          .row("aliases", aliasText(m.aliases()));
      new java.util.TreeMap<>(m.tags()).forEach((k, v) -> table.row("tag " + k, v));
      latest.ifPresent(v -> {
        table.row("latest", "version " + v.version() + ", run " + (v.runId() == null ? "-"
            : v.runId()));
        new java.util.TreeMap<>(v.tags()).forEach((k, t) -> table.row("latest " + k, t));
      });
      table.print(out);
    }
  }

  private static Map<String, Object> versionJson(ModelVersion v) {
    return JsonOutput.object("version", v.version(), "created",
        JsonOutput.time(v.creationTime()), "run_id", v.runId(), "source", v.source(),
        "tags", v.tags());
  }

  @Command(name = "versions", mixinStandardHelpOptions = true,
      description = "List a model's versions.")
  void versions(@Mixin ProjectOptions options, @Mixin JsonOutput json,
      @Parameters(paramLabel = "NAME") String name) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
      PrintWriter out = spec.commandLine().getOut();
      List<ModelVersion> versions = store.searchModelVersions(name).stream()
          .sorted(Comparator.comparingLong(ModelVersion::version)).toList();
      if (json.enabled()) {
        JsonOutput.print(out, JsonOutput.object("model", name, "versions",
            versions.stream().map(ModelsCommand::versionJson).toList()));
        return;
      }
      Table table = Table.of("version", "created", "run", "tags");
      versions.forEach(v -> table.row(v.version(), Instant.ofEpochMilli(v.creationTime())
          .toString().substring(0, 19), v.runId(), v.tags().isEmpty() ? null
          : new java.util.TreeMap<>(v.tags()).entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
      table.print(out);
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Point an alias (default champion) at a version; the move is recorded.")
  void promote(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Parameters(paramLabel = "VERSION") long version,
      @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion") String alias) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
      store.updateAlias(name, alias, version);
      spec.commandLine().getOut().printf("%s@%s -> version %d%n", name, alias, version);
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Move an alias back to the version it pointed at before.")
  void rollback(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion") String alias) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
      ModelVersion v = store.rollbackAlias(name, alias);
      spec.commandLine().getOut().printf("%s@%s -> version %d%n", name, alias, v.version());
    }
  }

  @Command(name = "guard", mixinStandardHelpOptions = true,
      description = "Watch the version behind an alias on a running model server and roll the"
          + " alias back when its 5xx rate or p99 latency crosses a threshold (exit 4).")
  int guard(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--server", paramLabel = "URL", required = true,
          description = "Model server URL, e.g."
          + " http://localhost:8080") String server,
      @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion") String alias,
      @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1m",
          converter = DurationConverter.class,
          description = "Window between the two metric scrapes (default 1m).") Duration window,
      @Option(names = "--max-error-rate", paramLabel = "RATE", defaultValue = "0.05",
          description = "Largest share"
          + " of 5xx answers (default 0.05).") double maxErrorRate,
      @Option(names = "--max-p99", paramLabel = "DURATION", defaultValue = "250ms",
          converter = DurationConverter.class,
          description = "Largest p99 latency (default 250ms).") Duration maxP99,
      @Option(names = "--min-requests", paramLabel = "N", defaultValue = "50",
          description = "Fewest requests"
          + " in a window to judge it (default 50).") long minRequests,
      @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token for a"
          + " protected server, from this environment variable.") String tokenEnv,
      @Option(names = "--on-decay", description = "Also roll back when the latest 'kiln"
          + " monitor' report, written after the alias moved, found label-based decay.")
      boolean onDecay,
      @Option(names = "--watch", description = "Keep watching, window after window, until a"
          + " rollback.") boolean watch) throws InterruptedException {
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

  @Command(name = "alias", mixinStandardHelpOptions = true,
      description = "Show an alias's history of moves, or delete it with --delete.")
  void alias(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Parameters(paramLabel = "ALIAS") String alias,
      @Option(names = "--delete", description = "Delete the alias.") boolean delete) {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      TrackingStore store = tracking.store();
      PrintWriter out = spec.commandLine().getOut();
      if (delete) {
        store.deleteAlias(name, alias);
        out.printf("Deleted %s@%s%n", name, alias);
        return;
      }
      for (AliasMove m : store.getAliasHistory(name, alias)) {
        out.printf("%s  %d -> %d%n", Instant.ofEpochMilli(m.timestamp()), m.fromVersion(),
            m.toVersion());
      }
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = "Copy a version's bundle (NAME@alias, NAME:version or NAME) into a folder.")
  void download(@Mixin ProjectOptions options, @Parameters(paramLabel = "MODEL") String reference,
      @Option(names = "--output", paramLabel = "DIR", required = true,
          description = "Folder to write the bundle into.") Path to) {
    Project project = options.open();
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      var versions = tracking.registry();
      var v = versions.resolve(reference);
      ModelBundle.verify(versions.download(v, to));
      spec.commandLine().getOut().printf("Downloaded %s version %d into %s (verified)%n",
          v.name(), v.version(), to);
    }
  }
}
