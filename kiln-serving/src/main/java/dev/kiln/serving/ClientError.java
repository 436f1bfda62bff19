package dev.kiln.serving;

import dev.kiln.core.KilnException;

/**
 * A request the server refuses: a client mistake (4xx), or 503 while overloaded or shutting
 * down. Answered with {@link #status()} and a JSON body naming the problem, never a stack trace.
 */
public final class ClientError extends KilnException {
  private static final long serialVersionUID = 1L;
  /** Client values longer than this are cut when a message echoes them. */
  public static final int ECHO_CHARS = 80;

  private final int status;

  /** Creates an error with an HTTP status and a message naming the field, row or header. */
  public ClientError(int status, String message) {
    super(message, null);
    this.status = status;
  }

  /** A 400 Bad Request. */
  public static ClientError badRequest(String message) {
    return new ClientError(400, message);
  }

  /** A 404 Not Found. */
  public static ClientError notFound(String message) {
    return new ClientError(404, message);
  }

  /**
   * Quotes a client's value for a message, cut to {@value #ECHO_CHARS} characters with an
   * ellipsis and the full length, so an error never echoes an unbounded value.
   */
  public static String quote(String value) {
    if (value.length() <= ECHO_CHARS) {
      return "'" + value + "'";
    }
    int cut = Character.isHighSurrogate(value.charAt(ECHO_CHARS - 1)) ? ECHO_CHARS - 1
        : ECHO_CHARS;
    return "'" + value.substring(0, cut) + "…' (" + String.format("%,d", value.length())
        + " characters)";
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }
}
