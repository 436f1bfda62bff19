package dev.kiln.core.project;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates a project folder as {@code kiln new} does: the files are written into a hidden sibling
 * folder first and moved into place at the end, so a failure leaves no half-made project.
 */
public final class NewProject {
  private static final String TEMPLATES = "new/";

  private NewProject() {}

  /**
   * What a new project holds besides its text files.
   *
   * @param dataFiles files copied into {@code data/01_raw}
   * @param extra writes more files into the (staging) project folder, e.g. CI workflows; may be
   *     null
   */
  public record Extras(List<Path> dataFiles, Extra extra) {
    /** Copies the list. */
    public Extras {
      dataFiles = List.copyOf(dataFiles);
    }

    /** Returns no extras. */
    public static Extras none() {
      return new Extras(List.of(), null);
    }
  }

  /** Writes more files into a project folder that is being created. */
  @FunctionalInterface
  public interface Extra {
    /** Writes into {@code projectDir}. */
    void writeInto(Path projectDir) throws IOException;
  }

  /**
   * Checks a project name: a letter, then letters, digits, '-' and '_'.
   *
   * @throws KilnException naming the rule
   */
  public static void checkName(String name) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new KilnException("'" + name + "' is not a valid project name.",
          "start with a letter; use letters, digits, '-' and '_' only");
    }
  }

  /**
   * Returns the folder a new project {@code name} gets under {@code parent}, absolute, after
   * checking the name and that nothing is there yet.
   *
   * @throws KilnException if the name is invalid or the folder already exists
   */
  public static Path checkNew(Path parent, String name) {
    checkName(name);
    Path root = parent.resolve(name).toAbsolutePath().normalize();
    if (Files.exists(root)) {
      throw new KilnException("'" + root + "' already exists.", "choose another name or --dir");
    }
    return root;
  }

  /**
   * Returns the files of the sample project by path: a word-count pipeline in Java, the catalog,
   * parameters, local credentials, the {@code data/01_raw..08_reporting} folders and a README.
   */
  public static Map<String, String> skeleton(String name) {
    checkName(name);
    String pkg = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : template("index.txt").lines().filter(l -> !l.isBlank()).toList()) {
      files.put(targetPath(path, pkg), template(path).replace("{{name}}", name)
          .replace("{{package}}", pkg));
    }
    return files;
  }

  /**
   * Creates the project folder {@code parent/name} with these text files (path to content) and
   * extras.
   *
   * @return the project folder, absolute
   * @throws KilnException if the name is invalid or the folder already exists
   * @throws UncheckedIOException if a file cannot be written (nothing is left behind)
   */
  public static Path create(Path parent, String name, Map<String, String> files, Extras extras) {
    Path root = checkNew(parent, name);
    Path staging = null;
    try {
      Files.createDirectories(root.getParent());
      staging = Files.createDirectory(root.resolveSibling("." + name + "-"
          + Long.toHexString(System.nanoTime())));
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = staging.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue());
      }
      if (!extras.dataFiles().isEmpty()) {
        Path raw = Files.createDirectories(staging.resolve("data/01_raw"));
        for (Path data : extras.dataFiles()) {
          Files.copy(data, raw.resolve(data.getFileName()));
        }
      }
      if (extras.extra() != null) {
        extras.extra().writeInto(staging);
      }
      Files.move(staging, root);
      return root;
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new UncheckedIOException("Cannot create project '" + root + "': " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: the staging folder is hidden and named for this attempt
    }
  }

  /** Maps a template path to the project path: PACKAGE to the package, '_x' files to '.x'. */
  private static String targetPath(String template, String pkg) {
    String path = template.replace("PACKAGE", pkg);
    int slash = path.lastIndexOf('/') + 1;
    return path.charAt(slash) == '_' ? path.substring(0, slash) + "." + path.substring(slash + 1)
        : path;
  }

  private static String template(String path) {
    try (InputStream in = NewProject.class.getResourceAsStream(TEMPLATES + path)) {
      if (in == null) {
        throw new IllegalStateException("Kiln jar is missing template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
