package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import java.util.List;
import java.util.stream.Collectors;

/** The project's pipelines as {@code kiln shell} shows them: {@code get(name)}, {@code names()}. */
public final class ShellPipelines {
  private final Project project;
  private final ProjectRuns.Streams io;
  private final ProgressMode progress;

  ShellPipelines(Project project, ProjectRuns.Streams io, ProgressMode progress) {
    this.project = project;
    this.io = io;
    this.progress = progress;
  }

  /**
   * Returns a pipeline to inspect, filter or run.
   *
   * @throws KilnException naming the unknown pipeline, the closest and the known ones
   */
  public ShellPipeline get(String name) {
    project.pipeline(name);
    return new ShellPipeline(project, name, io, progress);
  }

  /** Returns the pipeline names, sorted. */
  public List<String> names() {
    return List.copyOf(project.pipelines().keySet());
  }

  /** Returns each pipeline with its node count. */
  @Override
  public String toString() {
    return project.pipelines().entrySet().stream().map(e -> e.getKey() + " ("
        + e.getValue().nodes().size() + " nodes)").collect(Collectors.joining(", "));
  }
}
