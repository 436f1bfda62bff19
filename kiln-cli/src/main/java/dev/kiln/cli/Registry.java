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
   * Loads a bundle from a path, or from the registry for {@code NAME@alias}, {@code NAME:version}
   * or {@code NAME} (the project is opened only then); a downloaded bundle is verified like any
   * other.
   */
  static LoadedBundle load(ProjectOptions project, String reference, LoadOptions options)
      throws IOException {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      return ModelBundle.load(path, options);
    }
    Project opened = project.open();
    try (TrackingStore store = Tracking.open(opened)) {
      ModelVersions versions = versions(opened, store);
      ModelVersion version = versions.resolve(reference);
      Path dir = Files.createTempDirectory("kiln-bundle");
      return ModelBundle.load(versions.download(version, dir.resolve("bundle")), options);
    }
  }
}
