package dev.kiln.ml.bundle;

import dev.kiln.core.KilnException;

/** A bundle that cannot be written, or is refused on load: tampered, truncated, incompatible. */
public class BundleException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public BundleException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint (may be null) and the cause. */
  public BundleException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
