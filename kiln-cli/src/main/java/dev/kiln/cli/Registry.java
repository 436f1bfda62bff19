package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bundle a command names: a path, or a version in the project's registry. */
final class Registry {
  private Registry() {}

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
   * @param download the temporary download to delete, or null
   */
  record Fetched(Path bundle, BundleManifest manifest, String version, String reference,
      ModelVersions.Download download) implements AutoCloseable {
    @Override
    public void close() {
      if (download != null) {
        download.close();
      }
    }
  }

  /**
   * Finds a bundle: a path, or {@code NAME@alias}, {@code NAME:version} or {@code NAME} in the
   * project's registry (the project is opened only then), downloaded and verified.
   */
  static Fetched fetch(ProjectOptions project, String reference) {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      BundleManifest manifest = ModelBundle.verify(path);
      return new Fetched(path, manifest, manifest.version(), null, null);
    }
    Project opened = project.openForModel(reference);
    try (ProjectTracking tracking = ProjectTracking.open(opened)) {
      ModelVersion version = tracking.registry().resolve(reference);
      ModelVersions.Download download = tracking.registry().downloadTemporary(version, null);
      try {
        return new Fetched(download.bundle(), ModelBundle.verify(download.bundle()),
            Long.toString(version.version()), reference, download);
      } catch (RuntimeException e) {
        download.close();
        throw e;
      }
    }
  }

  /**
   * Loads a bundle from a path or the registry (see {@link #fetch}); a download is deleted once
   * the bundle is in memory.
   */
  static Loaded load(ProjectOptions project, String reference, LoadOptions options) {
    try (Fetched fetched = fetch(project, reference)) {
      return new Loaded(ModelBundle.load(fetched.bundle(), options), fetched.version());
    }
  }
}
