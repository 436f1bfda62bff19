package dev.kiln.ml.bundle;

import dev.kiln.core.catalog.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes bundle folders atomically: the files go to a hidden sibling folder that is forced to disk
 * and renamed into place once complete, so a reader (or a run resumed after a crash or power loss)
 * sees the old bundle or the new one, never half of one.
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
    Map<String, byte[]> all = new TreeMap<>(files);
    try {
      all.put(ModelBundle.MANIFEST, ModelBundle.JSON.writeValueAsBytes(written));
      replace(dir, all);
      return written;
    } catch (IOException e) {
      throw new BundleException("Cannot write bundle '" + dir + "': " + e.getMessage(),
          "check that the folder is writable", e);
    }
  }

  /**
   * Writes files to a hidden sibling folder and renames it to {@code dir}, replacing what was
   * there: readers see the old folder or the new one, never half of one.
   *
   * @throws IOException if a file cannot be written or the folder cannot be moved
   */
  static void replace(Path dir, Map<String, byte[]> files) throws IOException {
    Path tmp = dir.resolveSibling("." + dir.getFileName() + "." + System.nanoTime() + ".tmp");
    Path old = dir.resolveSibling("." + dir.getFileName() + "." + System.nanoTime() + ".old");
    try {
      Files.createDirectories(tmp);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(tmp.resolve(BundleFiles.checkName(f.getKey())), f.getValue());
      }
      if (Files.exists(dir)) {
        Files.move(dir, old);
      }
      AtomicFiles.move(tmp, dir);
      delete(old);
    } finally {
      delete(tmp);
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
