package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.NodeFilters;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln run}: runs a pipeline of the project. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a pipeline (the default one unless --pipeline is given).")
final class RunCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = PipelineRegistry.DEFAULT,
      description = "Pipeline to run.")
  String pipeline;

  @Option(names = "--tags", split = ",", description = "Run only nodes with any of these tags.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--nodes", split = ",", description = "Run only these nodes.")
  List<String> nodes = new ArrayList<>();

  @Option(names = "--from-nodes", split = ",", description = "Run these nodes and all downstream.")
  List<String> fromNodes = new ArrayList<>();

  @Option(names = "--to-nodes", split = ",", description = "Run these nodes and all upstream.")
  List<String> toNodes = new ArrayList<>();

  @Option(names = "--from-inputs", split = ",", description = "Run nodes depending on datasets.")
  List<String> fromInputs = new ArrayList<>();

  @Option(names = "--to-outputs", split = ",", description = "Run nodes needed for datasets.")
  List<String> toOutputs = new ArrayList<>();

  @Option(names = "--namespace", description = "Run only the nodes of a namespace.")
  String namespace;

  @Option(names = "--from-failed", description = "Resume the last run, which must have failed.")
  boolean fromFailed;

  @Option(names = "--workers", defaultValue = "1",
      description = "Worker threads; more than 1 uses the parallel runner (default: 1).")
  int workers;

  @Option(names = "--no-cache", description = "Run every node even if unchanged.")
  boolean noCache;

  @Option(names = "--load-version", paramLabel = "DATASET=VERSION", split = ",",
      description = "Load a pinned version of a versioned dataset.")
  Map<String, String> loadVersions = new LinkedHashMap<>();

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() {
    if (workers < 1) {
      throw new KilnException("--workers must be at least 1, was " + workers + ".",
          "use --workers 1 for the sequential runner");
    }
    Project opened = project.open();
    NodeFilters filters = NodeFilters.builder().tags(tags).nodes(nodes).fromNodes(fromNodes)
        .toNodes(toNodes).fromInputs(fromInputs).toOutputs(toOutputs).namespace(namespace)
        .build();
    RunState state = ProjectRuns.run(opened, RunRequest.builder(pipeline).filters(filters)
        .workers(workers).useCache(!noCache).fromFailed(fromFailed).loadVersions(loadVersions)
        .build(), ProgressMode.of(progress.mode),
        new ProjectRuns.Streams(spec.commandLine().getOut(), spec.commandLine().getErr(),
            spec.root().commandLine().getParseResult().originalArgs().contains("--debug")));
    return state.succeeded() ? 0 : state.failedOnBadInput() ? Main.BAD_INPUT : Main.RUN_FAILED;
  }
}
