package dev.kiln.core.project;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.Hooks;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.runner.ParallelRunner;
import dev.kiln.core.runner.PipelineRunStatus;
import dev.kiln.core.runner.RunContext;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import dev.kiln.core.runner.Runner;
import dev.kiln.core.runner.SequentialRunner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Runs a pipeline of a project as {@code kiln run} does: filters, catalog, hooks, runner. */
public final class ProjectRunner {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ProjectRunner() {}

  /**
   * Runs the request. A failing node gives a {@link PipelineRunStatus#FAILED} state (not an
   * exception).
   *
   * @throws KilnException if the run cannot start: bad filters, unknown pipeline, missing
   *     inputs, type mismatches, or {@code --from-failed} with no failed run to resume
   */
  public static RunState run(Project project, RunRequest request) {
    RunRequest effective = request.fromFailed() ? resumeRequest(project, request) : request;
    Pipeline pipeline = effective.filters().apply(project.pipeline(effective.pipeline()));
    Instant start = Instant.now();
    String runId = RUN_ID.format(start) + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.of(project.dir(),
        effective.loadVersions(), start));
    ParameterCheck.check(project, pipeline, catalog.parameters());
    List<Hook> hooks = new ArrayList<>(project.configuredHooks());
    hooks.addAll(effective.hooks());
    RunInfo info = new RunInfo(runId, effective.pipeline(), project.config().env(), project.dir(),
        pipeline.nodeNames(), catalog.parameters(), start);
    RunContext context = new RunContext(info, new Hooks(hooks), effective.useCache(),
        project.stateDir());
    Runner runner = effective.workers() > 1
        ? new ParallelRunner(effective.workers()) : new SequentialRunner();
    return runner.run(pipeline, catalog, context);
  }

  private static RunRequest resumeRequest(Project project, RunRequest request) {
    RunState last = new RunStateStore(project.stateDir()).latest().orElseThrow(() ->
        new KilnException("There is no previous run to resume.", "run 'kiln run' first"));
    if (last.status() == PipelineRunStatus.RUNNING) {
      throw new KilnException("The last run '" + last.runId() + "' is still running ("
          + (last.owner() == null ? "owner unknown" : last.owner().describe()) + ").",
          "wait for it to end or stop it; --from-failed resumes a run that failed or was killed");
    }
    if (!last.resumable()) {
      throw new KilnException("The last run '" + last.runId() + "' did not fail (status "
          + last.status() + "); there is nothing to resume.", "use 'kiln run' to run again");
    }
    return RunRequest.builder(last.pipeline())
        .filters(NodeFilters.none().withFromNodes(last.resumeFrom())).workers(request.workers())
        .useCache(request.useCache()).loadVersions(request.loadVersions())
        .hooks(request.hooks()).build();
  }
}
