package dev.kiln.core;

/**
 * An error in what the user gave Kiln — data, configuration or parameters — rather than in Kiln
 * or its environment: e.g. a target column that is missing or constant, an expression naming a
 * column the data does not have. When a node fails with one, {@code kiln run} exits with 2 (bad
 * input), as for the same mistake caught before the run, instead of 1 (the run failed).
 */
public class BadInputException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public BadInputException(String message, String hint) {
    super(message, hint, null);
  }

  /** Creates an error with a message, a hint (may be null) and the cause. */
  public BadInputException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  /** Returns whether the exception or one of its causes is a {@code BadInputException}. */
  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadInputException) {
        return true;
      }
    }
    return false;
  }
}
