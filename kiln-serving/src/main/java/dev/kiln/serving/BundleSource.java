package dev.kiln.serving;

import dev.kiln.core.KilnException;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A bundle folder or zip on disk. Its key is the hash of its manifest (or of the zip), so
 * replacing the bundle in place is picked up by the reloader.
 */
public final class BundleSource implements ModelSource {
  private final Path path;
  private final String name;
  /** The bundle read when the source was opened, until the first load takes it. */
  private Opened opened;

  private record Opened(String key, LoadedBundle bundle) {}

  /**
   * Opens a bundle path; the model name is the bundle's own. The bundle read here is the one
   * the first {@link #load} returns when its key is unchanged, so a server start reads and
   * verifies it once.
   *
   * @throws KilnException if the path holds no valid bundle
   */
  public BundleSource(Path path) {
    this.path = path;
    // The key first: a bundle replaced meanwhile then has a newer key, and is reloaded.
    String key = currentKey();
    LoadedBundle bundle = ModelBundle.load(path);
    this.name = bundle.manifest().name();
    this.opened = new Opened(key, bundle);
  }

  @Override
  public String reference() {
    return path.toString();
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public String currentKey() {
    Path manifest = Files.isDirectory(path) ? path.resolve(ModelBundle.MANIFEST) : path;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(manifest)));
    } catch (IOException e) {
      throw new KilnException("Cannot read bundle '" + path + "': " + e.getMessage(),
          "check that the bundle still exists");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Loaded load(String key) {
    LoadedBundle bundle;
    synchronized (this) {
      bundle = opened != null && opened.key().equals(key) ? opened.bundle() : null;
      opened = null;
    }
    if (bundle == null) {
      bundle = ModelBundle.load(path);
    }
    return new Loaded(bundle.manifest().version(), bundle);
  }
}
