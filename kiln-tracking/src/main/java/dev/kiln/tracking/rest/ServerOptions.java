package dev.kiln.tracking.rest;

import java.util.List;
import java.util.Optional;

/**
 * How a {@link TrackingServer} listens and whom it serves. The defaults are safe on a shared
 * machine: loopback only, and {@code Host} headers limited to local names and private addresses.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} (default) or {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 * @param token the bearer token every {@code /api} request must carry, or null for none;
 *     never logged or printed
 * @param allowedHosts the {@code Host} header values accepted (without port; {@code *.example.com}
 *     matches subdomains, {@code *} anything), besides the defaults (loopback names,
 *     IP literals and {@code host} itself)
 */
public record ServerOptions(String host, int port, String token, List<String> allowedHosts) {
  /** The default interface: loopback, reachable from this machine only. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * Validates the host and port, rejects an empty token (use null for no authentication) and
   * copies the allowed hosts.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("The host must not be empty; use " + LOOPBACK
          + " for this machine only or 0.0.0.0 for every interface.");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port " + port + " is out of range 0..65535.");
    }
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException("The token must not be empty; pass null for none.");
    }
    allowedHosts = List.copyOf(allowedHosts);
    if (allowedHosts.stream().anyMatch(h -> h == null || h.isBlank())) {
      throw new IllegalArgumentException("Allowed hosts must not be empty names.");
    }
  }

  /** Returns options for {@code port} on loopback, without authentication. */
  public static ServerOptions port(int port) {
    return new ServerOptions(LOOPBACK, port, null, List.of());
  }

  /** Returns these options bound to another interface. */
  public ServerOptions withHost(String host) {
    return new ServerOptions(host, port, token, allowedHosts);
  }

  /** Returns these options requiring {@code Authorization: Bearer <token>}. */
  public ServerOptions withToken(String token) {
    return new ServerOptions(host, port, token, allowedHosts);
  }

  /** Returns these options accepting only these {@code Host} header values. */
  public ServerOptions withAllowedHosts(List<String> hosts) {
    return new ServerOptions(host, port, token, hosts);
  }

  /** Returns the token, empty when authentication is off. */
  public Optional<String> bearerToken() {
    return Optional.ofNullable(token);
  }

  /** Returns whether the server is reachable from this machine only. */
  public boolean loopbackOnly() {
    return HostCheck.isLoopback(host);
  }

  /** Describes the options without the token. */
  @Override
  public String toString() {
    return "ServerOptions[host=" + host + ", port=" + port + ", token="
        + (token == null ? "none" : "***") + ", allowedHosts=" + allowedHosts + "]";
  }
}
