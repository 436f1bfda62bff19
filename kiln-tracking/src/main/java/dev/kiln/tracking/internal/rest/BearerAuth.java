package dev.kiln.tracking.internal.rest;

import dev.kiln.tracking.TrackingException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Refuses requests without {@code Authorization: Bearer <token>} for the configured token. Both
 * sides are hashed before a constant-time comparison, so neither content nor length leaks
 * through timing. The token is never logged or echoed.
 */
public final class BearerAuth implements Handler {
  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  /** Accepts requests bearing {@code token}, which must not be empty. */
  public BearerAuth(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("The tracking server token must not be empty.");
    }
    this.expected = sha256(token);
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw unauthenticated("Missing 'Authorization: Bearer <token>' header.");
    }
    byte[] given = sha256(header.substring(PREFIX.length()).trim());
    if (!MessageDigest.isEqual(expected, given)) {
      throw unauthenticated("The bearer token is not valid for this tracking server.");
    }
  }

  private static TrackingException unauthenticated(String message) {
    return new TrackingException("UNAUTHENTICATED", message,
        "Send the server's token, e.g. set MLFLOW_TRACKING_TOKEN for MLflow clients.", null);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
