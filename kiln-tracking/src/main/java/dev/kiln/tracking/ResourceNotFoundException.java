package dev.kiln.tracking;

/** Thrown when a looked-up experiment, run, model, version or alias does not exist; code {@code RESOURCE_DOES_NOT_EXIST}. */
public class ResourceNotFoundException extends TrackingException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message and a hint (may be null). */
  public ResourceNotFoundException(String message, String hint) {
    super("RESOURCE_DOES_NOT_EXIST", message, hint, null);
  }
}
