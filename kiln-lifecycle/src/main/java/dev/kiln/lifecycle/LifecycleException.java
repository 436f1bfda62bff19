package dev.kiln.lifecycle;

import dev.kiln.core.KilnException;

/** A retraining or guarding step that cannot go on, with what to change. */
public final class LifecycleException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint. */
  public LifecycleException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint and the cause. */
  public LifecycleException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
