package dev.kiln.tracking;

/** Thrown when a resource with the same unique name already exists; code {@code RESOURCE_ALREADY_EXISTS}. */
public class ResourceAlreadyExistsException extends TrackingException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message and a hint (may be null). */
  public ResourceAlreadyExistsException(String message, String hint) {
    super("RESOURCE_ALREADY_EXISTS", message, hint, null);
  }
}
