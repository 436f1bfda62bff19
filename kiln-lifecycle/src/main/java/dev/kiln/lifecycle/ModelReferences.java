package dev.kiln.lifecycle;

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
import java.util.function.Supplier;

/**
 * Finds the bundle a model reference names: a bundle folder or zip on disk, else {@code
 * NAME@alias}, {@code NAME:version} or {@code NAME} (the latest version) in a project's registry.
 */
public final class ModelReferences {
  private ModelReferences() {}

  /**
   * A loaded bundle and the version it is known by: the registry version when it came from the
   * registry, else the bundle's own.
   *
   * @param bundle the loaded bundle
   * @param version the version it is known by
   */
  public record Loaded(LoadedBundle bundle, String version) {}

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
  public record Fetched(Path bundle, BundleManifest manifest, String version, String reference,
      ModelVersions.Download download) implements AutoCloseable {
    /** Deletes the temporary download, if any. */
    @Override
    public void close() {
      if (download != null) {
        download.close();
      }
    }
  }

  /**
   * Finds a bundle and verifies its checksums: the path {@code reference} when it exists, else
   * the version it names in the registry of {@code project} (asked for only then), downloaded.
   *
   * @param project opens the project whose registry holds the model; it may throw to explain
   *     that the reference is neither a path nor in a project
   * @throws dev.kiln.core.KilnException if the bundle does not verify or the registry has no
   *     such model, version or alias
   */
  public static Fetched fetch(String reference, Supplier<Project> project) {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      BundleManifest manifest = ModelBundle.verify(path);
      return new Fetched(path, manifest, manifest.version(), null, null);
    }
    try (ProjectTracking tracking = ProjectTracking.open(project.get())) {
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
   * Returns the model name a reference stands for without opening a registry: the verified
   * bundle's name when it is a path, else the part before {@code @} or {@code :}.
   */
  public static String modelName(String reference) {
    Path path = Path.of(reference);
    return Files.exists(path) ? ModelBundle.verify(path).name() : reference.split("[@:]")[0];
  }

  /**
   * Loads a bundle found as {@link #fetch} finds it; a download is deleted once the bundle is in
   * memory.
   */
  public static Loaded load(String reference, Supplier<Project> project, LoadOptions options) {
    try (Fetched fetched = fetch(reference, project)) {
      return new Loaded(ModelBundle.load(fetched.bundle(), options), fetched.version());
    }
  }
}
