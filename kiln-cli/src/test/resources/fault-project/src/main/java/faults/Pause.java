package faults;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.Node;
import java.util.Map;

/**
 * Fault injection for tests: when KILN_FAULT_PAUSE is {@code <point>:<node>}, the run prints a
 * marker line and stops at that point until it is killed. Points: {@code before} (node started,
 * inputs not loaded), {@code mid} (inside the node's function), {@code after} (outputs saved, the
 * node not yet recorded complete).
 */
public final class Pause implements Hook {
  @Override
  public void beforeNodeRun(Node node, Map<String, Object> inputs) {
    here("before", node.name());
  }

  @Override
  public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
    here("after", node.name());
  }

  /** Stops here if KILN_FAULT_PAUSE names this point and node. */
  public static void here(String point, String node) {
    if ((point + ":" + node).equals(System.getenv("KILN_FAULT_PAUSE"))) {
      System.out.println("KILN-FAULT paused " + point + " " + node);
      System.out.flush();
      while (true) {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          // keep waiting: only SIGKILL ends this process
        }
      }
    }
  }
}
