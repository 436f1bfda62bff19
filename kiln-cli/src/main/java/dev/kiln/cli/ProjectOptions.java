package dev.kiln.cli;

import dev.kiln.core.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that open a project. */
final class ProjectOptions {
  @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
      description = "Project folder (default: current folder).")
  Path project;

  @Option(names = "--env", paramLabel = "ENV", defaultValue = "local",
      description = "Configuration environment overriding conf/base (default: local).")
  String env;

  @Option(names = "--params", paramLabel = "KEY=VALUE", split = ",",
      description = "Parameter overrides, e.g. --params model.max_depth=6,split.seed=1.")
  List<String> params = new ArrayList<>();

  Project open() {
    return Project.open(project, env, params);
  }

  /** The prediction log folder of {@code kiln serve}: .kiln/predictions in a project. */
  Path predictionLogDir() {
    return Files.isDirectory(project.resolve("conf")) ? stateDir().resolve("predictions")
        : Path.of("predictions");
  }

  /** The folder of {@code kiln monitor} reports, one subfolder per model. */
  Path monitoringDir() {
    return stateDir().resolve("monitoring");
  }

  private Path stateDir() {
    return project.resolve(".kiln");
  }
}
