package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.ml.RunEnvironment;
import dev.kiln.tracking.ProjectTracking;
import java.io.PrintWriter;
import java.util.List;

/** Runs a project's pipeline as {@code kiln run} and the shell's {@code pipelines} do. */
final class ProjectRuns {
  private ProjectRuns() {}

  /**
   * Where a run prints: its progress and report, its errors, and whether traces are printed.
   *
   * @param out progress, the report and what was tracked and registered
   * @param err failures
   * @param debug whether failed nodes' traces are printed
   */
  record Streams(PrintWriter out, PrintWriter err, boolean debug) {}

  /**
   * Runs a pipeline tracked ({@link ProjectTracking#run}), with progress, then prints the report,
   * the tracked run and the bundles {@code kiln.yml} registers. The request's hooks run before the
   * progress and tracking hooks.
   */
  static RunState run(Project opened, RunRequest request, ProgressMode mode, Streams io) {
    PrintWriter out = io.out();
    try (ProjectTracking tracked = ProjectTracking.open(opened)) {
      ProjectTracking.TrackedRun run;
      try (ProgressDisplay display = ProgressDisplay.open(out, mode)) {
        run = tracked.run(opened, request.withMoreHooks(List.of(new ProgressHook(display))),
            RunEnvironment.tags(opened.dir()));
      }
      RunState state = run.state();
      RunReport.print(state, out, io.err(), opened);
      RunReport.printTraces(state, io.err(), io.debug());
      if (run.runId() != null) {
        out.println("Tracked as run " + run.runId() + " (kiln runs show " + run.runId()
            + " --project " + opened.dir() + ")");
      }
      run.registered().forEach((dataset, v) -> out.printf("Registered %s version %d from %s%n",
          v.name(), v.version(), dataset));
      out.flush();
      return state;
    }
  }
}
