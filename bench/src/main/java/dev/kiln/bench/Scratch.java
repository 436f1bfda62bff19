package dev.kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Temporary folders for benchmark files, deleted when the benchmark ends. */
final class Scratch {
  private Scratch() {}

  /** Deletes a folder and everything in it. */
  static void delete(Path dir) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path f : files) {
      Files.delete(f);
    }
  }
}
