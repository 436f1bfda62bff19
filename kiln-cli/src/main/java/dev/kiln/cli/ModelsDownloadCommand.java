package dev.kiln.cli;

import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.remote.RemoteTracking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models download MODEL --output DIR}: a version's bundle, from here or a server. */
@Command(name = "download", mixinStandardHelpOptions = true,
    description = "Copy a version's bundle (NAME@alias, NAME:version or NAME; or"
        + " models:/NAME@alias from the tracking server named by KILN_TRACKING_URI) into a"
        + " folder, verified.")
final class ModelsDownloadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;

  @Parameters(paramLabel = "MODEL") String reference;

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "Folder to write the bundle into.")
  Path to;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "0s",
      converter = DurationConverter.class,
      description = "For models:/ URIs: how long to keep trying while the tracking server"
          + " cannot be reached (default 0s: once).")
  Duration wait;

  @Override
  public Integer call() {
    if (reference.startsWith(ModelReferences.MODEL_URI)) {
      RemoteTracking server = RemoteTracking.fromEnvironment(System.getenv(), null);
      ModelReferences.Fetched got = ModelReferences.downloadRemote(server, reference, wait, to);
      spec.commandLine().getOut().printf("Downloaded %s version %s from %s into %s"
          + " (verified)%n", got.manifest().name(), got.version(), server.uri(), to);
      return 0;
    }
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      ModelVersions versions = tracking.registry();
      ModelVersion v = versions.resolve(reference);
      ModelBundle.verify(versions.download(v, to));
      spec.commandLine().getOut().printf("Downloaded %s version %d into %s (verified)%n",
          v.name(), v.version(), to);
      return 0;
    }
  }
}
