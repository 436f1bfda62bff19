package dev.kiln.deploy;

import dev.kiln.core.KilnException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runnable kiln.jar Kiln runs from, the optional jars beside it in {@code lib/}
 * ({@code kiln-onnx.jar}, {@code kiln-s3.jar}, {@code kiln-postgresql.jar}), and Kiln's cache
 * folder: what a package is built from.
 */
public final class KilnJars {
  private static final Set<String> PARTS = Set.of("onnx", "s3", "postgresql");

  private KilnJars() {}

  /** Returns the jar kiln runs from, or null when it runs from classes (tests, an IDE). */
  public static Path running() {
    try {
      Path p = Path.of(KilnJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }

  /**
   * Returns {@code lib/kiln-PART.jar} beside the jar for each part asked for, and the ONNX part
   * when {@code onnx} is set (an ONNX model needs it).
   *
   * @param jar the kiln.jar, or null when Kiln runs from classes
   * @throws KilnException naming the part or the missing jar
   */
  public static List<Path> optionalJars(Path jar, List<String> parts, boolean onnx) {
    Set<String> wanted = new LinkedHashSet<>(parts);
    if (onnx) {
      wanted.add("onnx");
    }
    List<Path> jars = new ArrayList<>();
    for (String part : wanted) {
      if (!PARTS.contains(part)) {
        throw new KilnException("--with names '" + part + "', which is not an optional part.",
            "use onnx, s3 or postgresql");
      }
      Path lib = jar == null ? null : jar.resolveSibling("lib").resolve("kiln-" + part + ".jar");
      if (lib == null || !Files.isRegularFile(lib)) {
        throw new KilnException("The package needs kiln-" + part + ".jar, which is not in the"
            + " lib/ folder beside kiln.jar.", "build it with ./mvnw package -pl kiln-cli -am");
      }
      jars.add(lib);
    }
    return jars;
  }

  /** Returns Kiln's cache folder: $XDG_CACHE_HOME/kiln or ~/.cache/kiln. */
  public static Path cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache")).resolve("kiln");
  }
}
