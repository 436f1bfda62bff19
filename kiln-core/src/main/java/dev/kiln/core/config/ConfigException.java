package dev.kiln.core.config;

import dev.kiln.core.KilnException;

/** Bad project configuration: the message names the file, and the line or key when known. */
public class ConfigException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public ConfigException(String message, String hint) {
    super(message, hint);
  }

  /** Creates an error with a message, a hint (may be null) and the cause. */
  public ConfigException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
