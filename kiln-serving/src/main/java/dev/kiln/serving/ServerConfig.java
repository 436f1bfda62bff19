package dev.kiln.serving;

import dev.kiln.serving.monitor.DriftSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the model server listens and protects itself.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0} (every one)
 * @param port the port (0 picks a free one)
 * @param threads the most worker threads, which answer requests too large or slow for the
 *     network threads (one per core)
 * @param maxBodyBytes the largest request body; larger ones get 413
 * @param maxRows the most rows in one request; more get 413
 * @param batching micro-batching
 * @param reloadInterval how often sources are checked for a new version; zero disables reload
 * @param token the bearer token required on every endpoint but health checks, or null
 * @param tls TLS from a key store, or null for plain HTTP
 * @param drainTimeout how long shutdown waits for requests in flight
 * @param driftSource the latest drift scores the server publishes as gauges (read every reload
 *     interval), or null for none
 */
public record ServerConfig(String host, int port, int threads, long maxBodyBytes, int maxRows,
    BatchingConfig batching, Duration reloadInterval, String token, Tls tls,
    Duration drainTimeout, DriftSource driftSource) {

  /** Creates a configuration that publishes no drift scores. */
  public ServerConfig(String host, int port, int threads, long maxBodyBytes, int maxRows,
      BatchingConfig batching, Duration reloadInterval, String token, Tls tls,
      Duration drainTimeout) {
    this(host, port, threads, maxBodyBytes, maxRows, batching, reloadInterval, token, tls,
        drainTimeout, null);
  }

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

  /**
   * Port 8080 on loopback (this machine only; {@link #withAddress} opens it), 200 threads, 10 MB
   * bodies, 10,000 rows, reload every 5 s.
   */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, 200, 10L << 20, 10_000, BatchingConfig.defaults(),
        Duration.ofSeconds(5), null, null, Duration.ofSeconds(30));
  }

  /** Returns a copy listening on another host and port. */
  public ServerConfig withAddress(String newHost, int newPort) {
    return new ServerConfig(newHost, newPort, threads, maxBodyBytes, maxRows, batching,
        reloadInterval, token, tls, drainTimeout, driftSource);
  }

  /** Returns a copy publishing the drift scores of this source. */
  public ServerConfig withDriftSource(DriftSource source) {
    return new ServerConfig(host, port, threads, maxBodyBytes, maxRows, batching,
        reloadInterval, token, tls, drainTimeout, source);
  }

  @Override
  public String toString() {
    return "ServerConfig[host=" + host + ", port=" + port + ", threads=" + threads
        + ", maxBodyBytes=" + maxBodyBytes + ", maxRows=" + maxRows + ", batching=" + batching
        + ", reloadInterval=" + reloadInterval + ", token=" + (token == null ? "none" : "***")
        + ", tls=" + tls + ", drainTimeout=" + drainTimeout + ", driftGauges=" + (driftSource != null)
        + "]";
  }
}
