package dev.kiln.core.runner;

/**
 * The state of a pipeline run, as {@code .kiln/runs/} records it. (A tracked run's status in the
 * tracking store, MLflow's set of states, is kiln-tracking's {@code RunStatus}.)
 */
public enum PipelineRunStatus {
  /** Under way: its owning process is alive (a dead owner's run reads as {@link #KILLED}). */
  RUNNING,
  /** Every node completed or was cached. */
  FINISHED,
  /** A node failed; see the run's error and resume nodes. */
  FAILED,
  /**
   * Its process died before the run ended (kill -9, out of memory, power loss); the nodes that
   * completed before are kept and {@code --from-failed} resumes after them.
   */
  KILLED
}
