package dev.kiln.deploy.image;

import dev.kiln.deploy.DeployException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The shared libraries (glibc, libstdc++, libgomp, zlib, the dynamic loader) that a runtime and
 * the natives inside a jar link against, found with {@code ldd} on this machine. An image built
 * from scratch carries them at the same paths, so nothing is pulled from a base image.
 */
final class HostLibraries {
  private HostLibraries() {}

  /** Returns the absolute paths of the libraries the runtime and the jars' natives need. */
  static Set<Path> of(Path runtime, List<Path> jars) throws IOException {
    List<Path> binaries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(runtime)) {
      walk.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".so")
          || p.getParent().getFileName().toString().equals("bin"))).forEach(binaries::add);
    }
    Path natives = Files.createTempDirectory("kiln-natives");
    try {
      for (Path jar : jars) {
        binaries.addAll(linuxNatives(jar, natives));
      }
      Set<String> own = new TreeSet<>();
      binaries.forEach(b -> own.add(b.getFileName().toString()));
      own.add("libjvm.so"); // in lib/server/, found by the launcher, not by the loader
      Set<Path> libraries = new TreeSet<>();
      for (Path binary : binaries) {
        for (Path lib : ldd(binary, own)) {
          Path n = lib.normalize();
          if (!n.startsWith(runtime.normalize()) && !n.startsWith(natives)) {
            libraries.add(n);
          }
        }
      }
      return libraries;
    } finally {
      try (Stream<Path> walk = Files.walk(natives)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Extracts the jar's native libraries for linux x86-64 into {@code dir}. */
  private static List<Path> linuxNatives(Path jar, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : zip.stream().toList()) {
        String n = e.getName();
        boolean linux64 = n.contains("linux_amd64") || n.contains("x86_64/")
            || n.contains("Linux/x86_64") || n.contains("linux-x64");
        if (!e.isDirectory() && linux64 && n.contains(".so")) {
          Path file = dir.resolve(out.size() + "-" + Path.of(n).getFileName());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
          out.add(file);
        }
      }
    }
    return out;
  }

  /**
   * Returns what {@code ldd} resolves for one binary; statically linked files give nothing.
   *
   * @param own libraries of the runtime itself, which the loader need not find
   */
  static List<Path> ldd(Path binary, Set<String> own) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new DeployException("Cannot run ldd to find the shared libraries of the image.",
          "install it (Debian: apt-get install libc-bin)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running ldd", e);
    }
    List<Path> libs = new ArrayList<>();
    for (String line : out.lines().map(String::strip).toList()) {
      if (line.contains("not found") && !own.contains(line.split("\\s+")[0])) {
        throw new DeployException("'" + binary.getFileName() + "' needs a library this machine"
            + " does not have: " + line + ".", "install it, then package again");
      }
      String path = line.contains("=>") ? line.substring(line.indexOf("=>") + 2).strip() : line;
      if (path.startsWith("/")) {
        libs.add(Path.of(path.split("\\s+")[0]));
      }
    }
    return libs;
  }
}
