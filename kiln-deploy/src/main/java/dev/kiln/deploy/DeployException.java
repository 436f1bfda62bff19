package dev.kiln.deploy;

import dev.kiln.core.KilnException;

/** A packaging step that cannot be done: a missing tool, an unusable bundle, a bad option. */
public class DeployException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint. */
  public DeployException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint and its cause. */
  public DeployException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
