package dev.kiln.serving;

import dev.kiln.core.KilnException;

/**
 * A request the server refuses: a client mistake (4xx), or 503 while overloaded or shutting
 * down. Answered with {@link #status()} and a JSON body naming the problem, never a stack trace.
 */
public final class ClientError extends KilnException {
  private static final long serialVersionUID = 1L;

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

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }
}
