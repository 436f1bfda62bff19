package dev.kiln.ui.internal;

import dev.kiln.core.KilnException;

/** A request the UI cannot answer, with an MLflow-style error code and the HTTP status. */
public final class UiError extends KilnException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  private UiError(String code, int status, String message, String hint) {
    super(message, hint);
    this.code = code;
    this.status = status;
  }

  /** Returns a 404 {@code RESOURCE_DOES_NOT_EXIST}. */
  public static UiError notFound(String message, String hint) {
    return new UiError("RESOURCE_DOES_NOT_EXIST", 404, message, hint);
  }

  /** Returns a 400 {@code INVALID_PARAMETER_VALUE}. */
  public static UiError badRequest(String message, String hint) {
    return new UiError("INVALID_PARAMETER_VALUE", 400, message, hint);
  }

  /** Returns a 502 {@code TEMPORARILY_UNAVAILABLE}: a server the UI reads did not answer. */
  public static UiError unavailable(String message) {
    return new UiError("TEMPORARILY_UNAVAILABLE", 502, message, "check that the server runs");
  }

  /** Returns the stable error code. */
  public String code() {
    return code;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }
}
