package dev.kiln.deploy.image;

import dev.kiln.core.natives.NativeLibraryCache;
import dev.kiln.ml.xgboost.XGBoostLibrary;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * The native libraries a server in an image loads (XGBoost's), unpacked when the image is built
 * into {@value ImageLayout#NATIVE}, laid out as Kiln's native cache, so a container never copies
 * them at start and runs on a read-only root file system. DuckDB's is left out: a server does not
 * use it.
 */
final class ImageNatives {
  private ImageNatives() {}

  /**
   * Unpacks the libraries kiln.jar holds for this platform into {@code folder}; returns whether
   * there were any.
   */
  static boolean unpack(Path kilnJar, Path folder) throws IOException {
    String resource = XGBoostLibrary.resource();
    if (resource == null) {
      return false;
    }
    try (JarFile jar = new JarFile(kilnJar.toFile())) {
      if (jar.getEntry(resource) == null) {
        return false;
      }
    }
    Files.createDirectories(folder);
    URL url = new URL("jar:" + kilnJar.toUri() + "!/" + resource);
    NativeLibraryCache.at(folder).extract(url, resource.substring(resource.lastIndexOf('/') + 1));
    return true;
  }
}
