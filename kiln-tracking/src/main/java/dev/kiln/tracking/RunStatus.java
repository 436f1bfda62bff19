package dev.kiln.tracking;

/** The lifecycle state of a run; every state but {@link #RUNNING} is terminal. */
public enum RunStatus {
  /** The run is in progress and its owner process is alive. */
  RUNNING,
  /** The run ended normally. */
  FINISHED,
  /** The run ended with an error its owner reported. */
  FAILED,
  /** The run was stopped, or its owner process died without ending it. */
  KILLED;

  /** Returns whether no further change of status is expected. */
  public boolean isTerminal() {
    return this != RUNNING;
  }
}
