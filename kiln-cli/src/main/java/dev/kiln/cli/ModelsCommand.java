package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.PrometheusSamples;
import dev.kiln.lifecycle.ServingGuard;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.AliasMove;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.RegisteredModel;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
      @Option(names = "--name", description = "Model name (default: the bundle's).") String name,
      @Option(names = "--run", paramLabel = "RUN_ID", description = "Tracked run that produced"
          + " it (default: the run recorded in the bundle's lineage, when this project tracked"
          + " it).") String runId) {
    BundleManifest manifest = ModelBundle.verify(bundle);
    Project project = options.open();
    Map<String, String> tags = new LinkedHashMap<>();
    if (manifest.metrics() != null) {
      manifest.metrics().forEach((k, v) -> tags.put("metric." + k, String.valueOf(v)));
    }
    try (TrackingStore store = Tracking.open(project)) {
      String model = name == null ? manifest.name() : name;
      ModelVersions versions = Registry.versions(project, store);
      String run = runId != null ? store.getRun(runId).id()
          : versions.producingRun(bundle).orElse(null);
      ModelVersion v = versions.register(model, bundle, run, tags);
      spec.commandLine().getOut().printf("Registered %s version %d (source %s, run %s)%n", model,
          v.version(), v.source(), run == null ? "none: pass --run RUN_ID to link one" : run);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List models.")
  void list(@Mixin ProjectOptions options) {
    try (TrackingStore store = Tracking.open(options.open())) {
      PrintWriter out = spec.commandLine().getOut();
      for (RegisteredModel m : store.searchRegisteredModels(SearchRequest.of("")).items()) {
        out.printf("%-30s %s%n", m.name(), m.aliases());
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a model: description, tags, aliases and its latest version's metrics.")
  void show(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name) {
    try (TrackingStore store = Tracking.open(options.open())) {
      PrintWriter out = spec.commandLine().getOut();
      RegisteredModel m = store.getRegisteredModel(name);
      List<ModelVersion> versions = store.searchModelVersions(name);
      out.printf("model        %s%n", m.name());
      out.printf("description  %s%n", m.description() == null ? "-" : m.description());
      out.printf("created      %s%n", Instant.ofEpochMilli(m.creationTime()));
      out.printf("versions     %d%n", versions.size());
      m.aliases().forEach((alias, v) -> out.printf("@%-11s version %d%n", alias, v));
      m.tags().forEach((k, v) -> out.printf("tag          %s = %s%n", k, v));
      versions.stream().max(Comparator.comparingLong(ModelVersion::version))
          .ifPresent(latest -> out.printf("latest       version %d, run %s, %s%n",
              latest.version(), latest.runId() == null ? "-" : latest.runId(), latest.tags()));
    }
  }

  @Command(name = "versions", mixinStandardHelpOptions = true,
      description = "List a model's versions.")
  void versions(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name) {
    try (TrackingStore store = Tracking.open(options.open())) {
      PrintWriter out = spec.commandLine().getOut();
      for (ModelVersion v : store.searchModelVersions(name)) {
        out.printf("%-4d %-24s %-34s %s%n", v.version(), Instant.ofEpochMilli(v.creationTime())
            .toString().substring(0, 19), v.runId() == null ? "-" : v.runId(), v.tags());
      }
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Point an alias (default champion) at a version; the move is recorded.")
  void promote(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Parameters(paramLabel = "VERSION") long version,
      @Option(names = "--alias", defaultValue = "champion") String alias) {
    try (TrackingStore store = Tracking.open(options.open())) {
      store.updateAlias(name, alias, version);
      spec.commandLine().getOut().printf("%s@%s -> version %d%n", name, alias, version);
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Move an alias back to the version it pointed at before.")
  void rollback(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--alias", defaultValue = "champion") String alias) {
    try (TrackingStore store = Tracking.open(options.open())) {
      ModelVersion v = store.rollbackAlias(name, alias);
      spec.commandLine().getOut().printf("%s@%s -> version %d%n", name, alias, v.version());
    }
  }

  @Command(name = "guard", mixinStandardHelpOptions = true,
      description = "Watch the version behind an alias on a running model server and roll the"
          + " alias back when its 5xx rate or p99 latency crosses a threshold (exit 4).")
  int guard(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--server", required = true, description = "Model server URL, e.g."
          + " http://localhost:8080") String server,
      @Option(names = "--alias", defaultValue = "champion") String alias,
      @Option(names = "--window", defaultValue = "1m", converter = DurationConverter.class,
          description = "Window between the two metric scrapes (default 1m).") Duration window,
      @Option(names = "--max-error-rate", defaultValue = "0.05", description = "Largest share"
          + " of 5xx answers (default 0.05).") double maxErrorRate,
      @Option(names = "--max-p99", defaultValue = "250ms", converter = DurationConverter.class,
          description = "Largest p99 latency (default 250ms).") Duration maxP99,
      @Option(names = "--min-requests", defaultValue = "50", description = "Fewest requests"
          + " in a window to judge it (default 50).") long minRequests,
      @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token for a"
          + " protected server, from this environment variable.") String tokenEnv,
      @Option(names = "--on-decay", description = "Also roll back when the latest 'kiln"
          + " monitor' report, written after the alias moved, found label-based decay.")
      boolean onDecay,
      @Option(names = "--watch", description = "Keep watching, window after window, until a"
          + " rollback.") boolean watch) throws InterruptedException, IOException {
    ServingGuard guard = new ServingGuard(maxErrorRate, maxP99, minRequests);
    MetricsScraper scraper = new MetricsScraper(server, Secrets.fromEnv(tokenEnv));
    PrintWriter out = spec.commandLine().getOut();
    Project project = options.open();
    try (TrackingStore store = Tracking.open(project)) {
      do {
        ModelVersion current = store.getModelVersionByAlias(name, alias);
        String version = Long.toString(current.version());
        PrometheusSamples before = scraper.scrape();
        Thread.sleep(window.toMillis());
        ServingGuard.Window w = ServingGuard.window(before, scraper.scrape(), name, version);
        var breach = guard.breach(w);
        if (breach.isEmpty() && onDecay) {
          breach = decaySince(project, store, name, alias);
        }
        if (breach.isPresent()) {
          ModelVersion back = store.rollbackAlias(name, alias);
          out.printf("Rolled back %s@%s from version %s to %d: %s over %s%n", name, alias,
              version, back.version(), breach.get(), window);
          return Main.CHECK_FAILED;
        }
        out.printf(Locale.ROOT, "%s@%s version %s healthy over %s: %d requests, error rate"
            + " %.2f%%, p99 %.1f ms%n", name, alias, version, window, w.requests(),
            w.errorRate() * 100, w.p99Seconds() * 1000);
        out.flush();
      } while (watch);
    }
    return 0;
  }

  /**
   * Returns the decay the latest monitoring report of {@code name} found, if it was written
   * after the alias last moved (so it judged the version the alias points at now).
   */
  private static Optional<String> decaySince(Project project, TrackingStore store,
      String name, String alias) throws IOException {
    Path latest = project.stateDir().resolve("monitoring").resolve(name).resolve("latest.json");
    if (!Files.exists(latest)) {
      return Optional.empty();
    }
    JsonNode report = new ObjectMapper().readTree(latest.toFile());
    long moved = store.getAliasHistory(name, alias).stream().mapToLong(AliasMove::timestamp)
        .max().orElse(0);
    Instant written = Instant.parse(report.path("created_at").asText("1970-01-01T00:00:00Z"));
    if (!report.path("decay").asBoolean(false) || written.toEpochMilli() < moved) {
      return Optional.empty();
    }
    return Optional.of("label-based decay in the monitoring report of " + written
        + " (" + latest + ")");
  }

  @Command(name = "alias", mixinStandardHelpOptions = true,
      description = "Show an alias's history of moves, or delete it with --delete.")
  void alias(@Mixin ProjectOptions options, @Parameters(paramLabel = "NAME") String name,
      @Parameters(paramLabel = "ALIAS") String alias,
      @Option(names = "--delete", description = "Delete the alias.") boolean delete) {
    try (TrackingStore store = Tracking.open(options.open())) {
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
      @Option(names = "--to", required = true) Path to) {
    Project project = options.open();
    try (TrackingStore store = Tracking.open(project)) {
      var versions = Registry.versions(project, store);
      var v = versions.resolve(reference);
      ModelBundle.verify(versions.download(v, to));
      spec.commandLine().getOut().printf("Downloaded %s version %d into %s (verified)%n",
          v.name(), v.version(), to);
    }
  }
}
