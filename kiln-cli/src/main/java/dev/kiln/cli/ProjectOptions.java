package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.tracking.remote.RemoteTracking;
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

  /**
   * Opens the project to look up a model reference that is not a path in its registry.
   *
   * @throws KilnException saying there is no bundle at the reference when the folder is not a
   *     project (a mistyped path, most likely)
   */
  Project openForModel(String reference) {
    if (!Project.isProject(project)) {
      throw new KilnException("No bundle at '" + reference + "' (no such file or folder), and '"
          + project.toAbsolutePath().normalize() + "' is not a Kiln project whose registry"
          + " could hold a model of that name.", "check the path; registered models (NAME@alias,"
          + " NAME:version, NAME) are looked up in the project given by --project (default: the"
          + " current folder)");
    }
    return open();
  }

  /** The prediction log folder of {@code kiln serve}: .kiln/predictions in a project. */
  Path predictionLogDir() {
    return Project.isProject(project) ? layout().predictionsDir()
        : Path.of("predictions");
  }

  /**
   * Finds the bundle a model reference names: a path, else a version in this project's registry
   * (see {@link ModelReferences#fetch}).
   */
  ModelReferences.Fetched fetchModel(String reference, RemoteTracking server) {
    return ModelReferences.fetch(reference, () -> openForModel(reference), server);
  }

  /** Loads the bundle a model reference names (see {@link ModelReferences#load}). */
  ModelReferences.Loaded loadModel(String reference, LoadOptions options) {
    return ModelReferences.load(reference, () -> openForModel(reference), options);
  }

  /** The paths under the project's {@code .kiln} folder, without opening the project. */
  ProjectLayout layout() {
    return ProjectLayout.of(project);
  }
}
