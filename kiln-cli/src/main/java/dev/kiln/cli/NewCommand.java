package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.deploy.ci.CiTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.nodes.ProjectDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln new NAME}: creates a project skeleton with a sample pipeline; with {@code --from
 * DATA --target COLUMN}, a YAML-only project that trains a model on that file.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create a project: conf/base, conf/local, data/01_raw..08_reporting, a sample"
        + " pipeline and a README; with --from DATA --target COLUMN, a runnable YAML-only"
        + " project (validate, split, train, evaluate, bundle) for that file.")
final class NewCommand implements Callable<Integer> {
  private static final String TEMPLATES = "/templates/new/";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Project name; also the folder created.")
  String name;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
      description = "Folder to create the project in (default: current folder).")
  Path parent;

  @Option(names = "--from", paramLabel = "DATA", description = "A CSV, Parquet or JSONL file to"
      + " train on: the project reads a copy in data/01_raw.")
  Path from;

  @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict"
      + " (with --from).")
  String target;

  @Option(names = "--task", description = "classification, binary, multiclass or regression"
      + " (default: inferred from the target column).")
  String task;

  @Option(names = "--ci", paramLabel = "SYSTEM", description = "Also write a CI/CD pipeline"
      + " (test, validate, train, model tests, gate, package, deploy): github, gitlab, jenkins"
      + " or all.")
  String ci;

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
    Map<String, String> files = from != null ? draft() : skeleton();
    Files.createDirectories(root.getParent());
    Path staging = Files.createDirectory(root.resolveSibling("." + name + "-"
        + Long.toHexString(System.nanoTime())));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = staging.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    if (from != null) {
      Path raw = Files.createDirectories(staging.resolve("data/01_raw"));
      Files.copy(from, raw.resolve(from.getFileName()));
    }
    if (ci != null) {
      CiTemplates.write(new CiTemplates.Settings(name, "data/01_raw/"
          + (from != null ? from.getFileName() : "new.csv"), ""),
          CiTemplates.System.parse(ci), staging);
    }
    Files.move(staging, root);
    // The launcher says how it was invoked (./kiln, kiln on PATH) so the hint runs as printed.
    String kiln = System.getenv().getOrDefault("KILN_COMMAND", "kiln");
    spec.commandLine().getOut().printf("Created project '%s' in %s%nRun it: %s run --project %s%n",
        name, root, kiln, root);
    return 0;
  }

  private Map<String, String> skeleton() throws IOException {
    if (target != null || task != null) {
      throw new KilnException("--target and --task need --from DATA.",
          "write 'kiln new NAME --from data.csv --target COLUMN'");
    }
    String pkg = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : index()) {
      files.put(targetPath(path, pkg), read(path).replace("{{name}}", name)
          .replace("{{package}}", pkg));
    }
    return files;
  }

  private Map<String, String> draft() {
    if (target == null) {
      throw new KilnException("--from needs --target COLUMN, the column to predict.",
          "e.g. kiln new " + name + " --from " + from + " --target price");
    }
    if (!Files.isRegularFile(from)) {
      throw new KilnException("Data file '" + from + "' does not exist.", "check the path");
    }
    FileFormat format = FileFormat.ofFile(from).orElseThrow(() -> new KilnException(
        "Cannot tell the format of '" + from + "' from its name.",
        "use a .csv, .parquet or .jsonl file"));
    Frame data = FrameReader.read(from, format, CsvOptions.defaults());
    return ProjectDraft.files(name, from.getFileName().toString(), data, target, task);
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
