package dev.kiln.lifecycle;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.remote.RemoteRegistry;
import dev.kiln.tracking.remote.RemoteTracking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Finds the bundle a model reference names: a bundle folder or zip on disk, a model URI ({@code
 * models:/NAME@alias}) on the tracking server named by {@code KILN_TRACKING_URI}, else {@code
 * NAME@alias}, {@code NAME:version} or {@code NAME} (the latest version) in a project's registry.
 */
public final class ModelReferences {
  /** How a model URI on a remote tracking server starts. */
  public static final String MODEL_URI = "models:/";

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
    return fetch(reference, project, null);
  }

  /**
   * Finds a bundle as {@link #fetch(String, Supplier)} does, but looks registry references up on
   * {@code server} when it is given.
   *
   * @param server the tracking server holding registered models (then {@code NAME@alias} is
   *     resolved there too), or null: {@code models:/} URIs go to the server the environment
   *     names, other references to the project's registry
   */
  public static Fetched fetch(String reference, Supplier<Project> project,
      RemoteTracking server) {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      BundleManifest manifest = ModelBundle.verify(path);
      return new Fetched(path, manifest, manifest.version(), null, null);
    }
    if (server != null || reference.startsWith(MODEL_URI)) {
      return fetchRemote(server != null ? server
          : RemoteTracking.fromEnvironment(System.getenv(), null), reference, Duration.ZERO);
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
   * Downloads a version from a remote tracking server into a temporary folder that {@link
   * Fetched#close()} deletes, and verifies it (the server's content hash, then the checksums of
   * {@code bundle.json}).
   *
   * @param reference {@code models:/NAME@alias}, or Kiln's {@code NAME@alias}
   * @param wait how long to keep trying while the server cannot be reached
   */
  public static Fetched fetchRemote(RemoteTracking server, String reference, Duration wait) {
    String kilnReference = RemoteRegistry.reference(reference);
    RemoteRegistry registry = RemoteRegistry.connect(server, wait);
    ModelVersion version = registry.resolve(kilnReference);
    ModelVersions.Download download = ModelVersions.Download.temporary(version, null,
        registry::download);
    try {
      return new Fetched(download.bundle(), ModelBundle.verify(download.bundle()),
          Long.toString(version.version()), kilnReference, download);
    } catch (RuntimeException e) {
      download.close();
      throw e;
    }
  }

  /**
   * Downloads a version from a remote tracking server (see {@link #fetchRemote}) and moves its
   * verified files into {@code folder}, created if missing.
   *
   * @return the version's manifest, number and reference (its bundle is {@code folder})
   */
  public static Fetched downloadRemote(RemoteTracking server, String reference, Duration wait,
      Path folder) {
    try (Fetched fetched = fetchRemote(server, reference, wait)) {
      Files.createDirectories(folder);
      try (var files = Files.list(fetched.bundle())) {
        for (Path f : files.toList()) {
          Files.move(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return new Fetched(folder, fetched.manifest(), fetched.version(), fetched.reference(),
          null);
    } catch (IOException e) {
      throw new KilnException("Cannot write the bundle into '" + folder + "': "
          + e.getMessage(), "check the folder is writable and the disk has room");
    }
  }

  /**
   * Returns the model name a reference stands for without opening a registry: the verified
   * bundle's name when it is a path, else the part before {@code @} or {@code :}.
   */
  public static String modelName(String reference) {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      return ModelBundle.verify(path).name();
    }
    return RemoteRegistry.reference(reference).split("[@:]")[0];
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
