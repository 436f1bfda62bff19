package dev.kiln.tracking.rest;

import java.util.Optional;

/**
 * How a {@link TrackingServer} listens and whom it serves.
 *
 * @param port the port; 0 picks a free one
 * @param token the bearer token every {@code /api} request must carry, or null for none;
 *     never logged or printed
 */
public record ServerOptions(int port, String token) {
  /** Validates the port and rejects an empty token (use null for no authentication). */
  public ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port " + port + " is out of range 0..65535.");
    }
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException("The token must not be empty; pass null for none.");
    }
  }

  /** Returns options for {@code port} without authentication. */
  public static ServerOptions port(int port) {
    return new ServerOptions(port, null);
  }

  /** Returns these options requiring {@code Authorization: Bearer <token>}. */
  public ServerOptions withToken(String token) {
    return new ServerOptions(port, token);
  }

  /** Returns the token, empty when authentication is off. */
  public Optional<String> bearerToken() {
    return Optional.ofNullable(token);
  }

  /** Describes the options without the token. */
  @Override
  public String toString() {
    return "ServerOptions[port=" + port + ", token=" + (token == null ? "none" : "***") + "]";
  }
}
