package dev.kiln.cli;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln new NAME}: creates a project skeleton with a sample pipeline. */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create a project: conf/base, conf/local, data/01_raw..08_reporting, a sample"
        + " pipeline and a README.")
final class NewCommand implements Callable<Integer> {
  private static final String TEMPLATES = "/templates/new/";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Project name; also the folder created.")
  String name;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
      description = "Folder to create the project in (default: current folder).")
  Path parent;

  @Override
  public Integer call() throws IOException {
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new KilnException("'" + name + "' is not a valid project name.",
          "start with a letter; use letters, digits, '-' and '_' only");
    }
    Path root = parent.resolve(name).toAbsolutePath().normalize();
    if (Files.exists(root)) {
      throw new KilnException("'" + root + "' already exists.", "choose another name or --dir");
    }
    String pkg = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    Files.createDirectories(root.getParent());
    Path staging = Files.createDirectory(root.resolveSibling("." + name + "-"
        + Long.toHexString(System.nanoTime())));
    for (String path : index()) {
      String text = read(path).replace("{{name}}", name).replace("{{package}}", pkg);
      Path target = staging.resolve(targetPath(path, pkg));
      Files.createDirectories(target.getParent());
      Files.writeString(target, text);
    }
    Files.move(staging, root);
    spec.commandLine().getOut().printf("Created project '%s' in %s%nRun it: kiln run --project %s%n",
        name, root, root);
    return 0;
  }

  /** Maps a template path to the project path: PACKAGE to the package, '_x' files to '.x'. */
  private static String targetPath(String template, String pkg) {
    String path = template.replace("PACKAGE", pkg);
    int slash = path.lastIndexOf('/') + 1;
    return path.charAt(slash) == '_' ? path.substring(0, slash) + "." + path.substring(slash + 1)
        : path;
  }

  private static List<String> index() throws IOException {
    return read("index.txt").lines().filter(l -> !l.isBlank()).toList();
  }

  private static String read(String path) throws IOException {
    try (InputStream in = NewCommand.class.getResourceAsStream(TEMPLATES + path)) {
      if (in == null) {
        throw new IllegalStateException("Kiln jar is missing template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
