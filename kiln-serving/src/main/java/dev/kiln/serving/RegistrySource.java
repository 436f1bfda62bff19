package dev.kiln.serving;

import dev.kiln.core.KilnException;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A registered model: {@code NAME@alias}, {@code NAME:version} or {@code NAME} (latest). Its key
 * is the version number the reference resolves to now, so moving an alias is picked up by the
 * reloader; each version is downloaded and verified before it serves. A loaded bundle is held in
 * memory, so its download is deleted once loaded.
 */
public final class RegistrySource implements ModelSource {
  private final ModelVersions versions;
  private final String reference;
  private final String name;
  private final Path cache;

  /**
   * Creates a source for a reference.
   *
   * @param cache folder that receives downloaded versions
   */
  public RegistrySource(ModelVersions versions, String reference, Path cache) {
    this.versions = versions;
    this.reference = reference;
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    this.name = at > 0 ? reference.substring(0, at)
        : colon > 0 ? reference.substring(0, colon) : reference;
    this.cache = cache;
  }

  @Override
  public String reference() {
    return reference;
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public String currentKey() {
    return Long.toString(versions.resolve(reference).version());
  }

  @Override
  public Loaded load(String key) {
    ModelVersion version = versions.resolve(name + ":" + key);
    try (ModelVersions.Download d = versions.downloadTemporary(version, cache)) {
      return new Loaded(key, ModelBundle.load(d.bundle()));
    } catch (UncheckedIOException e) {
      throw new KilnException("Cannot download version " + key + " of model '" + name + "': "
          + e.getCause().getMessage(), "check free disk space under " + cache, e);
    }
  }
}
