package dev.kiln.data;

import dev.kiln.core.BadInputException;

/** Data that cannot be read, written or used as asked: the message names the file, line or column. */
public class DataFormatException extends BadInputException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public DataFormatException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint (may be null) and the cause. */
  public DataFormatException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
