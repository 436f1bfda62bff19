package dev.kiln.tracking.internal.artifact;

import dev.kiln.tracking.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Confines user-given relative paths to a root, including through symlinks. */
public final class PathGuard {
  private PathGuard() {}

  /**
   * Resolves {@code path} under {@code realRoot} (already a real path).
   *
   * @throws InvalidParameterException if the path is absolute, has a '..' segment, or an existing
   *     part of it is a symlink leading outside the root
   */
  static Path confine(Path realRoot, String path) {
    checkRelative(path);
    Path resolved = realRoot.resolve(path).normalize();
    Path existing = resolved;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
        throw reject(path, "it leads outside the artifact root through a symbolic link");
      }
    } catch (IOException e) {
      throw reject(path, "it cannot be resolved (" + e.getMessage() + ")");
    }
    return resolved;
  }

  /**
   * Checks that {@code path} is a non-empty relative path without '..' segments.
   *
   * @throws InvalidParameterException naming the rule it breaks
   */
  public static void checkRelative(String path) {
    if (path == null || path.isBlank()) {
      throw reject(path, "it is empty");
    }
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      throw reject(path, "it is absolute");
    }
    for (String segment : path.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw reject(path, "it has a '..' segment");
      }
    }
  }

  private static InvalidParameterException reject(String path, String why) {
    return new InvalidParameterException("Artifact path '" + path + "' is not allowed: " + why + ".",
        "Use a relative path inside the run's artifact folder, such as 'model/bundle.json'.");
  }
}
