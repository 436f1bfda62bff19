package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a project's sources and configuration (not its data outputs or state) for a test. */
final class ProjectCopies {
  private ProjectCopies() {}

  static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path rel = source.relativize(p);
        if (rel.startsWith(".kiln") || (rel.startsWith("data") && Files.isRegularFile(p)
            && !p.getFileName().toString().equals(".gitkeep"))) {
          continue;
        }
        Path dest = target.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
