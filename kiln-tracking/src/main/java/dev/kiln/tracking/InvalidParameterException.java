package dev.kiln.tracking;

/** Thrown when a request value breaks a rule, e.g. a param rewritten with another value or a bad filter; code {@code INVALID_PARAMETER_VALUE}. */
public class InvalidParameterException extends TrackingException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message and a hint (may be null). */
  public InvalidParameterException(String message, String hint) {
    super("INVALID_PARAMETER_VALUE", message, hint, null);
  }
}
