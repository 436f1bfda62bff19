package dev.kiln.ml.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of a bundle, from a directory or a zip; names are plain file names only. */
interface BundleFiles {
  /** Returns a file's bytes, or null if the bundle has no such file. */
  byte[] read(String name) throws IOException;

  static BundleFiles open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return name -> {
        try {
          return Files.readAllBytes(path.resolve(checkName(name)));
        } catch (NoSuchFileException e) {
          return null;
        }
      };
    }
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          entries.put(checkName(e.getName()), zip.readAllBytes());
        }
      }
    }
    if (entries.isEmpty()) {
      throw new BundleException("'" + path + "' is neither a bundle directory nor a bundle zip.",
          "pass the folder or .zip written by Kiln");
    }
    return entries::get;
  }

  /** Rejects names that could escape the bundle (paths, '..'). */
  static String checkName(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")
        || name.equals(".")) {
      throw new BundleException("Bundle file name '" + name + "' is not a plain file name.",
          "bundles hold flat files only; the bundle may be malicious");
    }
    return name;
  }
}
