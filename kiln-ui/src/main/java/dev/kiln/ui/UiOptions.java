package dev.kiln.ui;

import dev.kiln.tracking.rest.HostCheck;
import java.util.List;

/**
 * How the UI server listens and whom it serves.
 *
 * @param host the interface to bind; {@code 127.0.0.1} keeps the UI on this machine
 * @param port the port; 0 picks a free one
 * @param token the bearer token every data request must carry, or null for none; never printed
 * @param allowedHosts the {@code Host} header values accepted besides loopback names, IP
 *     literals and {@code host} ({@code *.example.com} matches subdomains, {@code *} anything);
 *     any other name is refused with 403, a guard against DNS rebinding
 */
public record UiOptions(String host, int port, String token, List<String> allowedHosts) {
  /** The default port of {@code kiln ui}. */
  public static final int DEFAULT_PORT = 4242;

  /** Validates the host and port, rejects an empty token (use null for none), copies the hosts. */
  public UiOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("The host must not be empty; use 127.0.0.1 for this"
          + " machine only or 0.0.0.0 for every interface.");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port " + port + " is out of range 0..65535.");
    }
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException("The token must not be empty; pass null for none.");
    }
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** Returns options for the loopback interface without authentication. */
  public static UiOptions loopback(int port) {
    return new UiOptions("127.0.0.1", port, null, List.of());
  }

  /** Returns these options requiring {@code Authorization: Bearer <token>} on data requests. */
  public UiOptions withToken(String newToken) {
    return new UiOptions(host, port, newToken, allowedHosts);
  }

  /** Returns these options accepting these {@code Host} names too. */
  public UiOptions withAllowedHosts(List<String> hosts) {
    return new UiOptions(host, port, token, hosts);
  }

  /** Returns whether the UI is reachable from this machine only. */
  public boolean loopbackOnly() {
    return HostCheck.isLoopback(host);
  }

  @Override
  public String toString() {
    return "UiOptions[host=" + host + ", port=" + port + ", token="
        + (token == null ? "none" : "***") + ", allowedHosts=" + allowedHosts + "]";
  }
}
