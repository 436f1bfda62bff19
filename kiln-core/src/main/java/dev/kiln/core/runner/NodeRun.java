package dev.kiln.core.runner;

/**
 * One node's record in a run.
 *
 * @param name the node name
 * @param status what happened
 * @param durationMs wall time in milliseconds (0 if not run)
 * @param error the failure message, or null
 * @param trace the stack trace of a failure in the project's own code (its frames first), or null
 * @param badInput whether it failed on bad input ({@link dev.kiln.core.BadInputException}): data,
 *     configuration or parameters the user can fix
 */
public record NodeRun(String name, NodeStatus status, long durationMs, String error,
    String trace, boolean badInput) {

  /** Creates a record without a stack trace. */
  public NodeRun(String name, NodeStatus status, long durationMs, String error) {
    this(name, status, durationMs, error, null, false);
  }
}
