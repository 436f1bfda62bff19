package dev.kiln.ui;

/**
 * How the UI server listens and whom it serves.
 *
 * @param host the interface to bind; {@code 127.0.0.1} keeps the UI on this machine
 * @param port the port; 0 picks a free one
 * @param token the bearer token every data request must carry, or null for none; never printed
 */
public record UiOptions(String host, int port, String token) {
  /** The default port of {@code kiln ui}. */
  public static final int DEFAULT_PORT = 4242;

  /** Validates the port and rejects an empty token (use null for none). */
  public UiOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port " + port + " is out of range 0..65535.");
    }
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException("The token must not be empty; pass null for none.");
    }
  }

  /** Returns options for the loopback interface without authentication. */
  public static UiOptions loopback(int port) {
    return new UiOptions("127.0.0.1", port, null);
  }

  /** Returns these options requiring {@code Authorization: Bearer <token>} on data requests. */
  public UiOptions withToken(String newToken) {
    return new UiOptions(host, port, newToken);
  }

  @Override
  public String toString() {
    return "UiOptions[host=" + host + ", port=" + port + ", token="
        + (token == null ? "none" : "***") + "]";
  }
}
