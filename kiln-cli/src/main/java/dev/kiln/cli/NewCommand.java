package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.NewProject;
import dev.kiln.deploy.ci.CiTemplates;
import dev.kiln.ml.nodes.ProjectDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln new NAME}: creates a project skeleton with a sample pipeline; with {@code --from
 * DATA --target COLUMN}, a YAML-only project that trains a model on that file.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create a project: conf/base, conf/local, data/01_raw..08_reporting, a sample"
        + " pipeline and a README; with --from DATA --target COLUMN, a runnable YAML-only"
        + " project (validate, split, train, evaluate, bundle) for that file.")
final class NewCommand implements Callable<Integer> {
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
  public Integer call() {
    NewProject.checkNew(parent, name);
    Map<String, String> files = from != null ? draft() : skeleton();
    List<CiTemplates.System> systems = ci == null ? List.of() : CiTemplates.System.parse(ci);
    Path root = NewProject.create(parent, name, files, new NewProject.Extras(
        from == null ? List.of() : List.of(from), systems.isEmpty() ? null
            : dir -> CiTemplates.write(new CiTemplates.Settings(name, "data/01_raw/"
                + (from != null ? from.getFileName() : "new.csv"), ""), systems, dir)));
    // The launcher says how it was invoked (./kiln, kiln on PATH) so the hint runs as printed.
    String kiln = System.getenv().getOrDefault("KILN_COMMAND", "kiln");
    spec.commandLine().getOut().printf("Created project '%s' in %s%nRun it: %s run --project %s%n",
        name, root, kiln, root);
    return 0;
  }

  private Map<String, String> skeleton() {
    if (target != null || task != null) {
      throw new KilnException("--target and --task need --from DATA.",
          "write 'kiln new NAME --from data.csv --target COLUMN'");
    }
    return NewProject.skeleton(name);
  }

  private Map<String, String> draft() {
    if (target == null) {
      throw new KilnException("--from needs --target COLUMN, the column to predict.",
          "e.g. kiln new " + name + " --from " + from + " --target price");
    }
    return ProjectDraft.files(name, from, target, task);
  }
}
