package dev.kiln.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The fault-injection project of the test resources ({@code fault-project}): four nodes whose
 * {@code faults.Pause} hook stops the run at a point named by {@code KILN_FAULT_PAUSE}.
 */
final class FaultProject {
  private FaultProject() {}

  /**
   * Copies the project into {@code dir}/faults, with the classes Kiln compiled from its sources in
   * {@code compiled} (a copy that already ran), and returns its folder.
   */
  static Path copy(Path dir, Path compiled) throws IOException {
    Path target = copy(dir);
    copyTree(compiled.resolve(".kiln/classes"), target.resolve(".kiln/classes"));
    return target;
  }

  /** Copies the project into {@code dir}/faults and returns its folder. */
  static Path copy(Path dir) throws IOException {
    Path source;
    try {
      source = Path.of(FaultProject.class.getResource("/fault-project").toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path target = dir.resolve("faults");
    copyTree(source, target);
    return target;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
