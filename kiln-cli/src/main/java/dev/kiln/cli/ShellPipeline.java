package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.NodeFilters;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline in {@code kiln shell}: filter it ({@code only}, {@code from}, {@code to}, {@code
 * tagged}; each returns a new one) and {@link #run()} it as {@code kiln run} would, tracked.
 */
public final class ShellPipeline {
  private final Project project;
  private final String name;
  private final NodeFilters filters;
  private final ProjectRuns.Streams io;
  private final ProgressMode progress;

  ShellPipeline(Project project, String name, ProjectRuns.Streams io, ProgressMode progress) {
    this(project, name, NodeFilters.none(), io, progress);
  }

  private ShellPipeline(Project project, String name, NodeFilters filters, ProjectRuns.Streams io,
      ProgressMode progress) {
    this.project = project;
    this.name = name;
    this.filters = filters;
    this.io = io;
    this.progress = progress;
  }

  /** Returns this pipeline restricted to the named nodes ({@code --nodes}). */
  public ShellPipeline only(String... nodes) {
    return with(new NodeFilters(filters.tags(), plus(filters.nodes(), nodes), filters.fromNodes(),
        filters.toNodes(), filters.fromInputs(), filters.toOutputs(), filters.namespace()));
  }

  /** Returns this pipeline from the named nodes on ({@code --from-nodes}). */
  public ShellPipeline from(String... nodes) {
    return with(filters.withFromNodes(plus(filters.fromNodes(), nodes)));
  }

  /** Returns this pipeline up to the named nodes ({@code --to-nodes}). */
  public ShellPipeline to(String... nodes) {
    return with(new NodeFilters(filters.tags(), filters.nodes(), filters.fromNodes(),
        plus(filters.toNodes(), nodes), filters.fromInputs(), filters.toOutputs(),
        filters.namespace()));
  }

  /** Returns the nodes of this pipeline that carry any of the tags ({@code --tags}). */
  public ShellPipeline tagged(String... tags) {
    return with(new NodeFilters(plus(filters.tags(), tags), filters.nodes(), filters.fromNodes(),
        filters.toNodes(), filters.fromInputs(), filters.toOutputs(), filters.namespace()));
  }

  /** Returns the pipeline itself, filtered. */
  public Pipeline pipeline() {
    return filters.apply(project.pipeline(name));
  }

  /** Returns the names of the nodes that would run, in order. */
  public List<String> nodes() {
    return pipeline().nodeNames();
  }

  /**
   * Runs the (filtered) pipeline as {@code kiln run} does: cached nodes skipped, progress and the
   * report printed, the run tracked.
   *
   * @return the run's state (status, nodes, metrics)
   * @throws KilnException if a filter names an unknown node
   */
  public RunState run() {
    return ProjectRuns.run(project, RunRequest.builder(name).filters(filters).build(), progress,
        io);
  }

  @Override
  public String toString() {
    return "pipeline '" + name + "': " + nodes();
  }

  private ShellPipeline with(NodeFilters narrower) {
    ShellPipeline narrowed = new ShellPipeline(project, name, narrower, io, progress);
    narrowed.nodes();
    return narrowed;
  }

  private static List<String> plus(List<String> known, String... more) {
    List<String> out = new ArrayList<>(known);
    out.addAll(List.of(more));
    return out;
  }
}
