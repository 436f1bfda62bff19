package dev.kiln.core.runner;

/** What happened to a node in a run. */
public enum NodeStatus {
  /** The node ran and its outputs were saved. */
  COMPLETED,
  /** The node was skipped: inputs, parameters and code unchanged and outputs persisted. */
  CACHED,
  /** The node threw, or its inputs or outputs could not be loaded or saved. */
  FAILED,
  /** The node started and has not ended; in a killed run, it was running when the process died. */
  RUNNING,
  /** The node did not run because the run stopped first. */
  NOT_RUN
}
