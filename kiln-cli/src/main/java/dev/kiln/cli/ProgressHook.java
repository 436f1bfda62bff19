package dev.kiln.cli;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.Node;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints which node is running, done/total and elapsed time. */
final class ProgressHook implements Hook {
  private final PrintWriter out;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;
  private volatile long startNanos;

  ProgressHook(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void beforePipelineRun(RunInfo run) {
    total = run.nodes().size();
    startNanos = System.nanoTime();
    out.printf("Run %s: pipeline '%s', env '%s', %d nodes%n", run.runId(),
        run.pipeline(), run.env(), total);
  }

  @Override
  public void beforeNodeRun(Node node, Map<String, Object> inputs) {
    line("running", node.name(), done.get());
  }

  @Override
  public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
    line(cached ? "cached " : "done   ", node.name(), done.incrementAndGet());
  }

  @Override
  public void onNodeError(Node node, Throwable error) {
    line("FAILED ", node.name(), done.get());
  }

  private synchronized void line(String what, String node, int count) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    out.printf("[%d/%d %6.1fs] %s %s%n", count, total, elapsed, what, node);
    out.flush();
  }
}
