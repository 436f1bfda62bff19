package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.ml.bundle.BundleManifest;
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
    return ArtifactStores.local(project.layout().artifactsDir());
  }

  /**
   * A loaded bundle and the version it is known by: the registry version when it came from the
   * registry, else the bundle's own.
   */
  record Loaded(LoadedBundle bundle, String version) {}

  /**
   * A bundle on disk, verified: a path as given, or a registry version downloaded into a
   * temporary folder that {@link #close()} deletes.
   *
   * @param bundle the bundle folder or zip
   * @param manifest its verified manifest
   * @param version the registry version, else the bundle's own
   * @param reference the registry reference, or null for a path
   * @param download the temporary folder to delete, or null
   */
  record Fetched(Path bundle, BundleManifest manifest, String version, String reference,
      Path download) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (download != null) {
        try (Stream<Path> walk = Files.walk(download)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /**
   * Finds a bundle: a path, or {@code NAME@alias}, {@code NAME:version} or {@code NAME} in the
   * project's registry (the project is opened only then), downloaded and verified.
   */
  static Fetched fetch(ProjectOptions project, String reference) throws IOException {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      BundleManifest manifest = ModelBundle.verify(path);
      return new Fetched(path, manifest, manifest.version(), null, null);
    }
    Project opened = project.openForModel(reference);
    try (TrackingStore store = Tracking.open(opened)) {
      ModelVersions versions = versions(opened, store);
      ModelVersion version = versions.resolve(reference);
      Path dir = Files.createTempDirectory("kiln-bundle");
      Path bundle = versions.download(version, dir.resolve("bundle"));
      return new Fetched(bundle, ModelBundle.verify(bundle), Long.toString(version.version()),
          reference, dir);
    }
  }

  /**
   * Loads a bundle from a path or the registry (see {@link #fetch}); a download is deleted once
   * the bundle is in memory.
   */
  static Loaded load(ProjectOptions project, String reference, LoadOptions options)
      throws IOException {
    try (Fetched fetched = fetch(project, reference)) {
      return new Loaded(ModelBundle.load(fetched.bundle(), options), fetched.version());
    }
  }
}
