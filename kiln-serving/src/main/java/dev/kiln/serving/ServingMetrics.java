package dev.kiln.serving;

import dev.kiln.data.Column;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics: requests by model, version, protocol and status code,
 * latency histograms, batch sizes, the distribution of predictions, queue depth, dropped
 * prediction-log entries, error answers by status, clients that went away mid-request, reloads
 * and drift scores. Meters are cached per label set, so a request
 * costs a map look-up per meter.
 */
public final class ServingMetrics {
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofNanos(250_000),
      Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000),
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
  private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
  private static final double[] PROBABILITY_BUCKETS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
      0.8, 0.9, 0.95, 1.0};

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Labels, Counter> requests = new ConcurrentHashMap<>();
  private final Map<Labels, Timer> latencies = new ConcurrentHashMap<>();
  private final Map<Labels, DistributionSummary> batches = new ConcurrentHashMap<>();
  private final Map<Labels, DistributionSummary> predictions = new ConcurrentHashMap<>();
  private final Map<String, Double> drift = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> httpErrors = new ConcurrentHashMap<>();
  private final Map<String, Counter> reloads = new ConcurrentHashMap<>();
  private final Counter disconnects = Counter.builder("kiln.client.disconnects")
      .description("Requests whose client went away before sending the whole body")
      .register(registry);
  private final Counter logDropped = Counter.builder("kiln.prediction.log.dropped")
      .description("Prediction log entries (rows) dropped because the log queue was full")
      .register(registry);

  /**
   * The labels of a per-request meter, as its cache key: no string is built per request, and the
   * labels' own hash codes are cached by their strings.
   */
  private record Labels(String model, String version, String protocol, int status) {}

  /** Counts a finished prediction request and records its latency. */
  public void request(String model, String version, String protocol, int status, long nanos) {
    requests.computeIfAbsent(new Labels(model, version, protocol, status), k -> Counter
        .builder("kiln.requests")
        .description("Prediction requests").tags(Tags.of("model", model, "version", version,
            "protocol", protocol, "code", Integer.toString(status))).register(registry))
        .increment();
    latencies.computeIfAbsent(new Labels(model, version, protocol, 0),
        k -> Timer.builder("kiln.request.duration").description("Prediction request latency")
            .tags("model", model, "version", version, "protocol", protocol)
            .serviceLevelObjectives(LATENCY_BUCKETS).register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the row count of one model call. */
  void batch(String model, String version, int rows) {
    batches.computeIfAbsent(new Labels(model, version, "", 0), k -> DistributionSummary
        .builder("kiln.batch.rows").description("Rows per model call (micro-batch size)")
        .tags("model", model, "version", version).serviceLevelObjectives(BATCH_BUCKETS)
        .register(registry)).record(rows);
  }

  /** Records the predicted values (probabilities or regression values) of one request. */
  void predictions(String model, String version, boolean probability, Column values) {
    DistributionSummary summary = predictions.computeIfAbsent(new Labels(model, version, "", 0),
        k -> {
      DistributionSummary.Builder b = DistributionSummary.builder("kiln.prediction")
          .description("Distribution of predicted values").tags("model", model,
              "version", version);
      return (probability ? b.serviceLevelObjectives(PROBABILITY_BUCKETS)
          : b.publishPercentileHistogram()).register(registry);
    });
    for (int r = 0; r < values.size(); r++) {
      summary.record(values.getDouble(r));
    }
  }

  /**
   * Publishes the queue depth of a model version's batcher.
   *
   * @return removes the gauge (when the version is retired)
   */
  Runnable queueDepth(String model, String version, Supplier<Number> depth) {
    Gauge gauge = Gauge.builder("kiln.batch.queue.depth", depth).strongReference(true)
        .description("Requests waiting for a micro-batch").tags("model", model,
            "version", version).register(registry);
    return () -> registry.remove(gauge);
  }

  /** Counts dropped prediction-log rows. */
  void logDropped(int rows) {
    logDropped.increment(rows);
  }

  /** Counts a reload attempt by its outcome ({@code swapped} or {@code failed}). */
  void reload(String model, String outcome) {
    reloads.computeIfAbsent(model + '\0' + outcome, k -> Counter.builder("kiln.model.reloads")
        .description("Model reloads: swapped (a new version took traffic) or failed (the"
            + " serving version kept serving)").tags("model", model, "outcome", outcome)
        .register(registry)).increment();
  }

  /**
   * Counts an error answer by HTTP status, on any endpoint: also those refused before a model
   * was chosen (body too large, malformed, unauthenticated), which {@code kiln_requests_total}
   * does not see.
   */
  public void httpError(int status) {
    httpErrors.computeIfAbsent(status, s -> Counter.builder("kiln.http.errors")
        .description("Error answers by HTTP status, on every endpoint")
        .tags("code", Integer.toString(s)).register(registry)).increment();
  }

  /** Counts a client that went away before sending its whole request body. */
  public void clientDisconnected() {
    disconnects.increment();
  }

  /** Publishes a drift score of a model's input column (or {@code prediction}). */
  public void drift(String model, String column, double score) {
    String key = model + '\0' + column;
    if (drift.put(key, score) == null) {
      Gauge.builder("kiln.drift.score", drift, d -> d.getOrDefault(key, Double.NaN))
          .description("Latest drift score per column, from kiln monitor")
          .tags("model", model, "column", column).register(registry);
    }
  }

  /** Returns all metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
