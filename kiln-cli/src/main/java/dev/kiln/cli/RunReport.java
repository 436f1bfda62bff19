package dev.kiln.cli;

import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.core.project.Project;
import dev.kiln.core.runner.NodeRun;
import dev.kiln.core.runner.NodeStatus;
import dev.kiln.core.runner.RunState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints the summary table of a run and, on failure, what failed and how to resume. */
final class RunReport {
  private RunReport() {}

  static void print(RunState state, PrintWriter out, PrintWriter err, Project project) {
    int width = Math.max(4, state.nodes().stream().mapToInt(n -> n.name().length()).max()
        .orElse(4));
    out.println();
    out.printf("%-" + width + "s  %-9s  %9s%n", "node", "status", "time");
    for (NodeRun n : state.nodes()) {
      out.printf("%-" + width + "s  %-9s  %8.2fs%n", n.name(), n.status().name().toLowerCase(
          java.util.Locale.ROOT), n.durationMs() / 1000.0);
    }
    state.metrics().forEach((dataset, values) -> printMetrics(out, dataset, values));
    out.flush();
    if (state.succeeded()) {
      out.printf("Run %s finished: %d nodes run, %d cached.%n", state.runId(),
          state.nodesWith(NodeStatus.COMPLETED).size(), state.nodesWith(NodeStatus.CACHED).size());
      return;
    }
    err.println("Run " + state.runId() + " failed.");
    err.println(state.error());
    List<String> notRun = state.nodesWith(NodeStatus.NOT_RUN);
    if (!notRun.isEmpty()) {
      err.println("Nodes not run: " + notRun);
    }
    err.println("Resume with: kiln run --project " + project.dir() + " --env "
        + project.config().env() + pipelineArgument(state) + " " + state.resumeArguments()
        + "   (or: kiln run --from-failed)");
    err.flush();
  }

  /**
   * Prints the stack traces of nodes that failed in the project's own code (its frames first)
   * under {@code --debug}, or says where to find them otherwise.
   */
  static void printTraces(RunState state, PrintWriter err, boolean debug) {
    for (NodeRun n : state.nodes()) {
      if (n.trace() == null) {
        continue;
      }
      if (debug) {
        err.println("Stack trace of node '" + n.name() + "':");
        err.print(n.trace());
      } else {
        err.println("Hint: rerun with --debug, or see 'kiln runs show', for the stack trace of"
            + " node '" + n.name() + "'.");
      }
    }
    err.flush();
  }

  /** Returns {@code --pipeline NAME} unless the run used the default pipeline. */
  private static String pipelineArgument(RunState state) {
    return PipelineRegistry.DEFAULT.equals(state.pipeline()) ? ""
        : " --pipeline " + state.pipeline();
  }

  private static void printMetrics(PrintWriter out, String dataset, Map<String, Double> values) {
    out.println("metrics '" + dataset + "':");
    values.forEach((k, v) -> out.printf("  %-24s %s%n", k, v));
  }
}
