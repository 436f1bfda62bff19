package dev.kiln.cli;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.progress.Progress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints which node is running, done/total and elapsed time, and shows the progress tasks nodes
 * start (rows read, boosting rounds, rows scored) through a {@link ProgressDisplay}.
 */
final class ProgressHook implements Hook {
  private final ProgressDisplay display;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;
  private volatile long startNanos = System.nanoTime();

  ProgressHook(ProgressDisplay display) {
    this.display = display;
    display.prefix(() -> prefix(done.get()));
  }

  @Override
  public void beforePipelineRun(RunInfo run) {
    total = run.nodes().size();
    startNanos = System.nanoTime();
    display.println(String.format("Run %s: pipeline '%s', env '%s', %d nodes", run.runId(),
        run.pipeline(), run.env(), total));
  }

  @Override
  public void beforeNodeRun(Node node, Map<String, Object> inputs) {
    display.ownerStarted(node.name());
    line("running", node.name(), done.get());
  }

  @Override
  public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
    display.ownerEnded(node.name());
    line(cached ? "cached " : "done   ", node.name(), done.incrementAndGet());
  }

  @Override
  public void onNodeError(Node node, Throwable error) {
    display.ownerEnded(node.name());
    line("FAILED ", node.name(), done.get());
  }

  @Override
  public void onProgressStart(Node node, Progress task) {
    display.taskStarted(node.name(), task);
  }

  @Override
  public void onProgressEnd(Node node, Progress task) {
    display.taskEnded(node.name(), task);
  }

  private void line(String what, String node, int count) {
    display.println(prefix(count) + " " + what + " " + node);
  }

  private String prefix(int count) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    return String.format(Locale.ROOT, "[%d/%d %6.1fs]", count, total, elapsed);
  }
}
