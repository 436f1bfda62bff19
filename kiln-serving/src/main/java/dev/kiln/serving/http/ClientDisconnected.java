package dev.kiln.serving.http;

/**
 * The client stopped sending before its request body ended (it disconnected or timed out): not
 * the server's fault, and nobody is left to answer, so it is logged as one line and counted.
 */
final class ClientDisconnected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param received the body bytes read
   * @param declared the declared Content-Length, or -1 if none
   */
  ClientDisconnected(long received, long declared, Throwable cause) {
    super("the body ended after " + received + (declared >= 0 ? " of " + declared : "")
        + " bytes (" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", cause, false,
        false);
  }
}
