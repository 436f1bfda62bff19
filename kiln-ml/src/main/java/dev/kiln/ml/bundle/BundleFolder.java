package dev.kiln.ml.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes bundle folders atomically: the files go to a hidden sibling folder that is renamed into
 * place once complete, so a reader sees the old bundle or the new one, never half of one.
 */
final class BundleFolder {
  private BundleFolder() {}

  /**
   * Writes the files and a manifest listing their checksums to {@code dir}.
   *
   * @param replace whether an existing folder at {@code dir} is replaced; if false it is an error
   * @return the manifest as written
   */
  static BundleManifest write(Path dir, BundleManifest manifest, Map<String, byte[]> files,
      boolean replace) {
    if (!replace && Files.exists(dir)) {
      throw new BundleException("Bundle folder '" + dir + "' already exists.",
          "write each bundle to a new folder, or delete the old one first");
    }
    Map<String, String> sums = new TreeMap<>();
    files.forEach((name, bytes) -> sums.put(name, ModelBundle.sha256(bytes)));
    BundleManifest written = manifest.withFiles(sums, manifest.encryption());
    Path tmp = dir.resolveSibling("." + dir.getFileName() + "." + System.nanoTime() + ".tmp");
    Path old = dir.resolveSibling("." + dir.getFileName() + "." + System.nanoTime() + ".old");
    try {
      Files.createDirectories(tmp);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(tmp.resolve(BundleFiles.checkName(f.getKey())), f.getValue());
      }
      Files.write(tmp.resolve(ModelBundle.MANIFEST), ModelBundle.JSON.writeValueAsBytes(written));
      if (Files.exists(dir)) {
        Files.move(dir, old);
      }
      Files.move(tmp, dir);
      delete(old);
      return written;
    } catch (IOException e) {
      throw new BundleException("Cannot write bundle '" + dir + "': " + e.getMessage(),
          "check that the folder is writable", e);
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
