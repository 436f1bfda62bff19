package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.registry.AliasMove;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models ...}: the model registry (versions of bundles, aliases). */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = {
    ModelsViewCommands.ListModels.class, ModelsViewCommands.ShowModel.class,
    ModelVersionsCommand.class, ModelsGuardCommand.class,
    ModelsDownloadCommand.class},
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
}
