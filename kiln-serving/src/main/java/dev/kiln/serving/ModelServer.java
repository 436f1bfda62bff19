package dev.kiln.serving;

import dev.kiln.serving.http.Listener;
import dev.kiln.serving.monitor.DriftGauges;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model server: the HTTP protocols over a {@link PredictionService}, a reloader that checks
 * the model sources (and refreshes the drift gauges when {@link ServerConfig#driftSource()} is
 * set), and a graceful shutdown that answers every accepted request before it stops.
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  private final Listener http;
  private final PredictionService service;
  private final PredictionLog log;
  private final ScheduledExecutorService reloader;
  private final ServerConfig config;

  private ModelServer(Listener http, PredictionService service, PredictionLog log,
      ScheduledExecutorService reloader, ServerConfig config) {
    this.http = http;
    this.service = service;
    this.log = log;
    this.reloader = reloader;
    this.config = config;
  }

  /**
   * Starts serving.
   *
   * @param log the prediction log (closed with the server), or null
   * @param kilnVersion reported by {@code /v2} and {@code /version}
   */
  public static ModelServer start(ServerConfig config, ModelRepository models,
      ServingMetrics metrics, PredictionLog log, String kilnVersion) {
    return start(config, models, metrics, log, kilnVersion, null);
  }

  /**
   * Starts serving, with extra pages (e.g. the web UI) under their prefix.
   *
   * @param log the prediction log (closed with the server), or null
   * @param kilnVersion reported by {@code /v2} and {@code /version}
   * @param pages the extra pages, or null for none
   */
  public static ModelServer start(ServerConfig config, ModelRepository models,
      ServingMetrics metrics, PredictionLog log, String kilnVersion, ServerPages pages) {
    PredictionService service = new PredictionService(models, metrics, log);
    Listener http = Listener.start(service, metrics, config, kilnVersion, pages);
    Runnable gauges = driftGauges(config, models, metrics);
    gauges.run();
    ScheduledExecutorService reloader = null;
    if (!config.reloadInterval().isZero()) {
      reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiln-reloader");
        t.setDaemon(true);
        return t;
      });
      long every = config.reloadInterval().toMillis();
      reloader.scheduleWithFixedDelay(() -> {
        // An exception would cancel every later check: report it and try again next time.
        try {
          models.refresh();
          gauges.run();
        } catch (RuntimeException e) {
          LOG.warn("Checking the model sources failed; retrying in {}: {}",
              config.reloadInterval(), e.getMessage());
        }
      }, every, every, TimeUnit.MILLISECONDS);
    }
    return new ModelServer(http, service, log, reloader, config);
  }

  /** Returns what publishes the drift gauges: nothing unless a drift source is set. */
  private static Runnable driftGauges(ServerConfig config, ModelRepository models,
      ServingMetrics metrics) {
    if (config.driftSource() == null) {
      return () -> { };
    }
    return new DriftGauges(config.driftSource(), () -> models.slots().stream()
        .map(ModelSlot::name).toList(), metrics)::refresh;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return http.port();
  }

  /** Returns the served models. */
  public ModelRepository models() {
    return service.models();
  }

  /**
   * Stops gracefully: refuses new predictions (503, readiness fails), waits for those in
   * flight up to the drain timeout, stops HTTP, finishes batches and mirrored requests, and
   * flushes the prediction log.
   */
  @Override
  public void close() {
    if (reloader != null) {
      reloader.shutdownNow();
    }
    try {
      int left = http.drain(config.drainTimeout().toMillis());
      if (left > 0) {
        LOG.warn("{} requests were still in flight after {}", left, config.drainTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
    service.close();
    service.models().close();
    if (log != null) {
      log.close();
    }
  }
}
