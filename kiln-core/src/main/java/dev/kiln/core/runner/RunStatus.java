package dev.kiln.core.runner;

/** The outcome of a run. */
public enum RunStatus {
  /** Still running (only seen in state read while a run is under way, or after a crash). */
  RUNNING,
  /** Every node completed or was cached. */
  FINISHED,
  /** A node failed; see the run's error and resume nodes. */
  FAILED
}
