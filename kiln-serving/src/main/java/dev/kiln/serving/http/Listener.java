package dev.kiln.serving.http;

import dev.kiln.serving.PredictionService;
import dev.kiln.serving.HttpConfig;
import dev.kiln.serving.ServerPages;
import dev.kiln.serving.ServingMetrics;

/**
 * The model server's HTTP side, listening: every protocol over a {@link PredictionService} on
 * Netty. {@link #drain} then {@link #close} stop it gracefully.
 */
public final class Listener implements AutoCloseable {
  private final HttpApi api;
  private final HttpTransport transport;

  private Listener(HttpApi api, HttpTransport transport) {
    this.api = api;
    this.transport = transport;
  }

  /**
   * Starts listening.
   *
   * @param kilnVersion reported by {@code /v2} and {@code /version}
   * @param pages extra pages under their prefix (e.g. the web UI), or null
   * @throws IllegalStateException if the address cannot be bound or the key store read
   */
  public static Listener start(PredictionService service, ServingMetrics metrics,
      HttpConfig config, String kilnVersion, ServerPages pages) {
    HttpApi api = new HttpApi(service, metrics, new HttpApi.Settings(config.token(),
        config.maxBodyBytes(), kilnVersion, pages));
    return new Listener(api, HttpTransport.start(api, config));
  }

  /** Returns the port listened on. */
  public int port() {
    return transport.port();
  }

  /**
   * Refuses new predictions (503, readiness fails) and waits for those in flight to be answered,
   * at most {@code timeoutMillis}.
   *
   * @return how many were still in flight when the wait ended
   */
  public int drain(long timeoutMillis) throws InterruptedException {
    return api.drain(timeoutMillis);
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    transport.close();
  }
}
