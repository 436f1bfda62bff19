package dev.kiln.serving;

import dev.kiln.core.KilnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the model server listens and protects itself. Defaults: port 8080 on loopback (this
 * machine only), 200 worker threads, 10 MiB bodies, no token, plain HTTP, 30 s of draining.
 */
public final class HttpConfig {
  private String host = "127.0.0.1";
  private int port = 8080;
  private int threads = 200;
  private long maxBodyBytes = 10L << 20;
  private String token;
  private Tls tls;
  private Duration drainTimeout = Duration.ofSeconds(30);

  /**
   * A key store holding the server's certificate and key.
   *
   * @param keyStore a PKCS#12 or JKS file
   * @param password its password
   */
  public record Tls(Path keyStore, String password) {
    @Override
    public String toString() {
      return "Tls[keyStore=" + keyStore + ", password=***]";
    }
  }

  /** Listens on this interface ({@code 0.0.0.0}: every one) and port (0: a free one). */
  public HttpConfig address(String newHost, int newPort) {
    this.host = newHost;
    this.port = newPort;
    return this;
  }

  /** Sets the most worker threads, which answer requests too large or slow for the network threads. */
  public HttpConfig threads(int count) {
    this.threads = count;
    return this;
  }

  /** Sets the largest request body; larger ones get 413. */
  public HttpConfig maxBodyBytes(long bytes) {
    this.maxBodyBytes = bytes;
    return this;
  }

  /** Requires {@code Authorization: Bearer <token>} on all but health checks; null for none. */
  public HttpConfig token(String bearer) {
    this.token = bearer;
    return this;
  }

  /** Serves HTTPS from a key store; null for plain HTTP. */
  public HttpConfig tls(Tls keyStore) {
    this.tls = keyStore;
    return this;
  }

  /** Sets how long shutdown waits for requests in flight. */
  public HttpConfig drainTimeout(Duration timeout) {
    this.drainTimeout = timeout;
    return this;
  }

  /**
   * Checks the settings.
   *
   * @throws KilnException naming the setting and the rule
   */
  void validate() {
    if (host == null || host.isBlank() || port < 0 || port > 65_535) {
      throw new KilnException("Cannot listen on '" + host + ":" + port + "'.",
          "give an interface such as 127.0.0.1 and a port within 0..65535");
    }
    if (threads < 2 || maxBodyBytes < 1) {
      throw new KilnException("The server needs at least 2 threads and a body limit of at"
          + " least 1 byte, got " + threads + " and " + maxBodyBytes + ".", null);
    }
    if (token != null && token.isBlank()) {
      throw new KilnException("The bearer token is empty: every client would be refused.",
          "set a non-empty token, or none to serve without one");
    }
    if (tls != null && !Files.isRegularFile(tls.keyStore())) {
      throw new KilnException("Key store '" + tls.keyStore() + "' does not exist.",
          "create one with keytool -genkeypair -storetype PKCS12 ...");
    }
    if (tls != null && tls.password() == null) {
      throw new KilnException("The key store '" + tls.keyStore() + "' has no password.", null);
    }
    if (drainTimeout == null || drainTimeout.isNegative()) {
      throw new KilnException("The drain timeout must be zero or more, got " + drainTimeout
          + ".", null);
    }
  }

  /** Returns the interface listened on. */
  public String host() {
    return host;
  }

  /** Returns the port asked for (0: a free one). */
  public int port() {
    return port;
  }

  /** Returns the most worker threads. */
  public int threads() {
    return threads;
  }

  /** Returns the largest request body. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Returns the bearer token, or null. */
  public String token() {
    return token;
  }

  /** Returns the key store, or null for plain HTTP. */
  public Tls tls() {
    return tls;
  }

  /** Returns how long shutdown waits for requests in flight. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  @Override
  public String toString() {
    return "HttpConfig[host=" + host + ", port=" + port + ", threads=" + threads
        + ", maxBodyBytes=" + maxBodyBytes + ", token=" + (token == null ? "none" : "***")
        + ", tls=" + tls + ", drainTimeout=" + drainTimeout + "]";
  }
}
