package dev.kiln.tracking;

import dev.kiln.core.KilnException;

/** The root of tracking errors; each carries a stable MLflow-style error code. */
public class TrackingException extends KilnException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  /** Creates an error with a stable code, a message, a hint (may be null) and a cause. */
  public TrackingException(String errorCode, String message, String hint, Throwable cause) {
    super(message, hint, cause);
    this.errorCode = errorCode;
  }

  /** Returns the stable code, e.g. {@code RESOURCE_DOES_NOT_EXIST} or {@code INTERNAL_ERROR}. */
  public String errorCode() {
    return errorCode;
  }
}
