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

  /**
   * Parses a status name such as {@code FINISHED}.
   *
   * @throws InvalidParameterException if the name is not a status
   */
  public static RunStatus parse(String name) {
    for (RunStatus s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new InvalidParameterException("Run status '" + name + "' is not one of RUNNING, "
        + "FINISHED, FAILED, KILLED.", "Send the status in capitals, e.g. FINISHED.");
  }

  /** Returns whether no further change of status is expected. */
  public boolean isTerminal() {
    return this != RUNNING;
  }
}
