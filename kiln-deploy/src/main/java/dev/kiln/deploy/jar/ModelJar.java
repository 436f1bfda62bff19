package dev.kiln.deploy.jar;

import dev.kiln.deploy.DeployException;
import dev.kiln.deploy.PackageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A runnable jar that serves one model: kiln.jar's classes plus the bundle under
 * {@value #BUNDLE_FOLDER}, with a main class that unpacks the bundle and runs
 * {@code kiln serve} on it ({@code java -jar model.jar [serve options]}).
 */
public final class ModelJar {
  /** The folder inside the jar that holds the bundle. */
  public static final String BUNDLE_FOLDER = "kiln-model/";
  /** The manifest attribute naming the bundle folder. */
  public static final String ATTRIBUTE = "Kiln-Model";

  private ModelJar() {}

  /**
   * Writes {@code NAME-VERSION.jar} into the spec's output folder, with its optional jars in
   * {@code lib/} beside it.
   *
   * @param mainClass the class that serves the embedded bundle
   * @return the jar
   * @throws DeployException if the spec has no kiln.jar
   */
  public static Path write(PackageSpec spec, String mainClass) throws IOException {
    if (spec.kilnJar() == null) {
      throw new DeployException("A model jar needs the runnable kiln.jar, and this kiln does not"
          + " run from one.", "run the packaged kiln (./kiln), or pass --kiln-jar PATH");
    }
    Files.createDirectories(spec.out());
    Path jar = spec.out().resolve(spec.resourceName() + "-" + spec.version()
        .replaceAll("[^A-Za-z0-9_.-]", "-") + ".jar");
    Path tmp = Files.createTempFile(spec.out(), ".model", ".jar");
    try (JarFile kiln = new JarFile(spec.kilnJar().toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp),
            manifest(kiln.getManifest(), mainClass))) {
      Enumeration<JarEntry> entries = kiln.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (!e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
          out.putNextEntry(new JarEntry(e.getName()));
          try (InputStream in = kiln.getInputStream(e)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      addBundle(spec.bundle(), out);
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    for (Path plugin : spec.plugins()) {
      Files.copy(plugin, Files.createDirectories(spec.out().resolve("lib"))
          .resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return jar;
  }

  /**
   * Unpacks the bundle a model jar carries (under {@value #BUNDLE_FOLDER}) into a new temporary
   * folder.
   *
   * @return the bundle folder
   * @throws IOException if the jar cannot be read, or an entry would land outside the folder
   */
  public static Path unpackBundle(Path jar) throws IOException {
    Path dir = Files.createTempDirectory("kiln-model");
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry e : file.stream().toList()) {
        if (e.getName().startsWith(BUNDLE_FOLDER) && !e.isDirectory()) {
          Path target = dir.resolve(e.getName().substring(BUNDLE_FOLDER.length())).normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("unsafe bundle entry " + e.getName());
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return dir;
  }

  private static Manifest manifest(Manifest kiln, String mainClass) {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    for (String key : List.of("Implementation-Version", "Multi-Release", "Class-Path",
        "Add-Opens")) {
      String value = kiln.getMainAttributes().getValue(key);
      if (value != null) {
        a.putValue(key, value);
      }
    }
    a.put(Attributes.Name.MAIN_CLASS, mainClass);
    a.putValue(ATTRIBUTE, BUNDLE_FOLDER);
    return m;
  }

  private static void addBundle(Path bundle, JarOutputStream out) throws IOException {
    try (Stream<Path> walk = Files.walk(bundle)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = BUNDLE_FOLDER + bundle.relativize(p).toString().replace('\\', '/');
        out.putNextEntry(new JarEntry(name));
        try (OutputStream entry = new NonClosing(out)) {
          Files.copy(p, entry);
        }
        out.closeEntry();
      }
    }
  }

  /** Lets {@link Files#copy(Path, OutputStream)} write into a jar entry without closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
