package dev.kiln.deploy.image;

import dev.kiln.deploy.DeployException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * A Java runtime made by {@code jlink} from the running JDK with only the modules a jar needs
 * ({@code jdeps}), plus modules found only at run time (TLS ciphers, zip file systems). Both
 * steps take about a minute on a 2-core machine, so runtimes are cached by the jar's SHA-256 and
 * the JDK's version.
 */
final class JavaRuntime {
  /** Modules that jdeps cannot see because they are looked up by service or by name. */
  static final List<String> RUNTIME_ONLY = List.of("jdk.crypto.ec", "jdk.zipfs",
      "jdk.unsupported", "java.naming", "jdk.management");

  private JavaRuntime() {}

  /**
   * Returns a runtime folder for the jar, building it when the cache has none.
   *
   * @param cache the folder runtimes are kept in
   * @throws DeployException if the running Java has no jlink/jdeps or no jmods (a JRE)
   */
  public static Path forJar(Path jar, Path cache) throws IOException {
    String key = sha256(jar).substring(0, 16) + "-" + Runtime.version();
    Path runtime = cache.resolve(key);
    if (Files.isRegularFile(runtime.resolve("release"))) {
      return runtime;
    }
    Files.createDirectories(cache);
    Path building = Files.createTempDirectory(cache, key + ".building-");
    Files.delete(building); // jlink creates it
    TreeSet<String> modules = new TreeSet<>(modulesOf(jar));
    modules.addAll(RUNTIME_ONLY);
    run(tool("jlink"), "--add-modules", String.join(",", modules), "--strip-debug",
        "--no-header-files", "--no-man-pages", "--compress=2", "--output", building.toString());
    try {
      Files.move(building, runtime);
    } catch (IOException e) {
      if (!Files.isRegularFile(runtime.resolve("release"))) { // not another build that won
        throw e;
      }
    }
    return runtime;
  }

  /** Returns the JDK modules the jar's classes use, as jdeps finds them. */
  static List<String> modulesOf(Path jar) {
    String out = run(tool("jdeps"), "--ignore-missing-deps", "--print-module-deps",
        "--multi-release", Integer.toString(Runtime.version().feature()), jar.toString());
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    if (!last.matches("[a-z0-9.,]+")) {
      throw new DeployException("jdeps did not list the modules of '" + jar + "': " + out,
          "check the jar is a runnable Java jar");
    }
    return List.of(last.split(","));
  }

  private static ToolProvider tool(String name) {
    Optional<ToolProvider> tool = ToolProvider.findFirst(name);
    if (tool.isEmpty() || !Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"))) {
      throw new DeployException("Building an image needs a JDK with " + name + " and jmods; '"
          + System.getProperty("java.home") + "' has none.", "run kiln with a full JDK 17+"
          + " (Debian: apt-get install openjdk-17-jdk; KILN_JAVA_OPTS does not change the JVM)");
    }
    return tool.get();
  }

  private static String run(ToolProvider tool, String... args) {
    StringWriter out = new StringWriter();
    int code;
    try (PrintWriter w = new PrintWriter(out)) {
      code = tool.run(w, w, args);
    }
    if (code != 0) {
      throw new DeployException(tool.name() + " failed (exit " + code + "): " + out,
          "check the JDK at " + System.getProperty("java.home"));
    }
    return out.toString();
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
