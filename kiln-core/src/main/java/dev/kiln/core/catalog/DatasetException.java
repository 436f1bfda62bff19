package dev.kiln.core.catalog;

import dev.kiln.core.KilnException;

/** An error loading, saving or configuring a dataset; the message names the dataset. */
public class DatasetException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public DatasetException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint (may be null) and its cause. */
  public DatasetException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
