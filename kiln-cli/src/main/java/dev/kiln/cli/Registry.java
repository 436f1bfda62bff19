package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.TrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The project's model registry: its tracking store plus its artifact folder. */
final class Registry {
  private Registry() {}

  static ModelVersions versions(Project project, TrackingStore store) {
    return new ModelVersions(store, artifacts(project));
  }

  /** Returns the project's artifact store (the folder {@code kiln tracking serve} serves). */
  static ArtifactStore artifacts(Project project) {
    return ArtifactStores.local(project.stateDir().resolve("artifacts"));
  }

  /**
   * A loaded bundle and the version it is known by: the registry version when it came from the
   * registry, else the bundle's own.
   */
  record Loaded(LoadedBundle bundle, String version) {}

  /**
   * Loads a bundle from a path, or from the registry for {@code NAME@alias}, {@code NAME:version}
   * or {@code NAME} (the project is opened only then); a downloaded bundle is verified like any
   * other, and its download deleted once it is in memory.
   */
  static Loaded load(ProjectOptions project, String reference, LoadOptions options)
      throws IOException {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      LoadedBundle bundle = ModelBundle.load(path, options);
      return new Loaded(bundle, bundle.manifest().version());
    }
    Project opened = project.open();
    try (TrackingStore store = Tracking.open(opened)) {
      ModelVersions versions = versions(opened, store);
      ModelVersion version = versions.resolve(reference);
      Path dir = Files.createTempDirectory("kiln-bundle");
      try {
        return new Loaded(ModelBundle.load(versions.download(version, dir.resolve("bundle")),
            options), Long.toString(version.version()));
      } finally {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
