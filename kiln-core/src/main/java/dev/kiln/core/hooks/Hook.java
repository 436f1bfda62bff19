package dev.kiln.core.hooks;

import dev.kiln.core.pipeline.Node;
import dev.kiln.core.progress.Progress;
import java.util.Map;

/**
 * Code called at points of a run: before and after the pipeline, each node and each dataset load
 * or save, when a node fails, and when a {@link Progress} task of a node starts or ends. Every method has an empty default, so a hook implements only
 * what it needs.
 *
 * <p>Register hooks in code ({@code RunContext}) or by class name in {@code conf/base/kiln.yml}
 * ({@code hooks: [com.example.TimingHook]}). With the parallel runner, node and dataset methods
 * are called from worker threads, so implementations must be thread-safe.
 */
public interface Hook {
  /** Called once before the first node runs. */
  default void beforePipelineRun(RunInfo run) {}

  /** Called once after the run ends, whether it succeeded or not. */
  default void afterPipelineRun(RunInfo run, boolean succeeded) {}

  /** Called before a node runs, with its loaded inputs by dataset name. */
  default void beforeNodeRun(Node node, Map<String, Object> inputs) {}

  /** Called after a node ran, with its outputs by dataset name. */
  default void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {}

  /** Called when a node throws; the run then stops. */
  default void onNodeError(Node node, Throwable error) {}

  /** Called before a dataset is loaded. */
  default void beforeDatasetLoad(String dataset) {}

  /** Called after a dataset was loaded. */
  default void afterDatasetLoad(String dataset, Object value) {}

  /** Called before a dataset is saved. */
  default void beforeDatasetSave(String dataset, Object value) {}

  /** Called after a dataset was saved. */
  default void afterDatasetSave(String dataset, Object value) {}

  /**
   * Called when the node (or code it calls, such as a dataset read) starts a progress task; read
   * its counters while it runs.
   */
  default void onProgressStart(Node node, Progress task) {}

  /** Called when a progress task of the node ends. */
  default void onProgressEnd(Node node, Progress task) {}
}
