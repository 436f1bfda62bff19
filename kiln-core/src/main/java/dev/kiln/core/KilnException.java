package dev.kiln.core;

import java.util.Optional;

/**
 * The root of every error Kiln reports to a user: a message saying what failed and, where one
 * exists, a hint saying how to fix it.
 *
 * <p>The CLI prints {@link #getMessage()} followed by {@code Hint: } and the hint; {@code --debug}
 * adds the stack trace. Modules subclass it for errors a caller may want to catch separately.
 */
public class KilnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  /** Creates an error with a message and no hint. */
  public KilnException(String message) {
    this(message, null, null);
  }

  /** Creates an error with a message and a hint (may be null). */
  public KilnException(String message, String hint) {
    this(message, hint, null);
  }

  /** Creates an error with a message, a hint (may be null) and the cause. */
  public KilnException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** Returns the action that fixes the problem, if one is known. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** Returns the message followed by {@code Hint: ...} when there is a hint. */
  public String describe() {
    return hint == null ? getMessage() : getMessage() + "\nHint: " + hint;
  }
}
