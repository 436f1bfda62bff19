package dev.kiln.serving;

import dev.kiln.serving.http.Listener;
import dev.kiln.serving.monitor.DriftGauges;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model server: the HTTP protocols over a {@link PredictionService}, a reloader that checks
 * the model sources (and refreshes the drift gauges when a drift source is set), and a graceful
 * shutdown that answers every accepted request before it stops.
 *
 * <pre>{@code
 * ModelServer server = ModelServer.create(cfg -> cfg
 *     .http(http -> http.address("0.0.0.0", 8080).token(token))
 *     .models(models -> models.serve("fraud@champion").canary("fraud@challenger", 10)
 *         .registry(registry))
 *     .predictionLog(Path.of(".kiln/predictions"), 1));
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  private final Listener http;
  private final PredictionService service;
  private final PredictionLog log;
  private final ScheduledExecutorService reloader;
  private final Duration drainTimeout;

  private ModelServer(Listener http, PredictionService service, PredictionLog log,
      ScheduledExecutorService reloader, Duration drainTimeout) {
    this.http = http;
    this.service = service;
    this.log = log;
    this.reloader = reloader;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Validates a configuration, loads its models and starts serving.
   *
   * @throws dev.kiln.core.KilnException naming the setting or model that is wrong
   * @throws java.io.UncheckedIOException caused by a {@link java.net.BindException} if the
   *     address cannot be bound
   */
  public static ModelServer create(Consumer<ServerConfig> configure) {
    ServerConfig config = new ServerConfig();
    configure.accept(config);
    config.http().validate();
    ServingMetrics metrics = config.metrics();
    ModelRepository models = config.models().build(metrics);
    PredictionLog log = null;
    PredictionService service = null;
    try {
      log = config.openLog();
      service = new PredictionService(models, metrics, log);
      Listener http = Listener.start(service, metrics, config.http(), config.kilnVersion(),
          config.pages());
      Runnable gauges = driftGauges(config, models, metrics);
      gauges.run();
      return new ModelServer(http, service, log,
          reloader(config.models().reloadInterval(), models, gauges), config.http().drainTimeout());
    } catch (RuntimeException e) {
      if (service != null) {
        service.close();
      }
      models.close();
      if (log != null) {
        log.close();
      }
      throw e;
    }
  }

  private static ScheduledExecutorService reloader(Duration every, ModelRepository models,
      Runnable gauges) {
    if (every.isZero()) {
      return null;
    }
    ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kiln-reloader");
      t.setDaemon(true);
      return t;
    });
    reloader.scheduleWithFixedDelay(() -> {
      // An exception would cancel every later check: report it and try again next time.
      try {
        models.refresh();
        gauges.run();
      } catch (RuntimeException e) {
        LOG.warn("Checking the model sources failed; retrying in {}: {}", every, e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return reloader;
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

  /** Returns the prediction log, or null when none is kept. */
  public PredictionLog predictionLog() {
    return log;
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
      int left = http.drain(drainTimeout.toMillis());
      if (left > 0) {
        LOG.warn("{} requests were still in flight after {}", left, drainTimeout);
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
