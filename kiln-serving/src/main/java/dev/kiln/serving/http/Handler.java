package dev.kiln.serving.http;

/** Answers one route: reads the {@link Exchange}'s request and sets its answer. */
@FunctionalInterface
interface Handler {
  /**
   * Handles a request.
   *
   * @throws dev.kiln.serving.ClientError for the client's mistakes, answered as JSON
   */
  void handle(Exchange ex);
}
