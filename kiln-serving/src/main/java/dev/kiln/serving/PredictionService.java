package dev.kiln.serving;

import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers prediction requests for every protocol: routes to a version (canary), decodes the
 * input against that version's schema, predicts, mirrors to the shadow, and records metrics and
 * the prediction log.
 */
public final class PredictionService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionService.class);

  /** A request's answer. */
  public record Scored(String requestId, ServedModel model, Frame inputs, Frame outputs,
      List<Map<String, Double>> explanations) {}

  private final ModelRepository models;
  private final ServingMetrics metrics;
  private final PredictionLog log;
  private final ThreadPoolExecutor shadows = new ThreadPoolExecutor(1, 1, 0,
      TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), r -> {
        Thread t = new Thread(r, "kiln-shadow");
        t.setDaemon(true);
        return t;
      }, new ThreadPoolExecutor.DiscardPolicy());

  /**
   * Creates the service.
   *
   * @param log the prediction log, or null to log nothing
   */
  public PredictionService(ModelRepository models, ServingMetrics metrics, PredictionLog log) {
    this.models = models;
    this.metrics = metrics;
    this.log = log;
  }

  /** Returns the served models. */
  public ModelRepository models() {
    return models;
  }

  /**
   * Predicts a request.
   *
   * @param model the model name
   * @param version a version label to pin, or null to route
   * @param protocol the protocol label for metrics
   * @param decode reads the request into an input frame, given the chosen version's reader
   * @param explain whether to add SHAP contributions
   * @throws ClientError for the client's mistakes, including values the preprocessing refuses
   */
  public Scored predict(String model, String version, String protocol, String requestId,
      Function<TabularInputs, Frame> decode, boolean explain) {
    long start = System.nanoTime();
    ModelSlot slot = models.slot(model);
    ModelSlot.Route route = version == null ? slot.route()
        : new ModelSlot.Route(slot.version(version), "pinned", null);
    ServedModel served = route.model();
    int status = 500;
    try {
      Frame inputs = decode.apply(models.inputs(served));
      Frame outputs = predict(served, inputs);
      List<Map<String, Double>> explanations = explain ? served.explain(inputs) : null;
      status = 200;
      long nanos = System.nanoTime() - start;
      record(requestId, served, route.role(), inputs, outputs, nanos);
      if (route.shadow() != null) {
        shadow(requestId, route.shadow(), inputs);
      }
      return new Scored(requestId, served, inputs, outputs, explanations);
    } catch (ClientError e) {
      status = e.status();
      throw e;
    } finally {
      metrics.request(slot.name(), served.version(), protocol, status, System.nanoTime() - start);
    }
  }

  private static Frame predict(ServedModel served, Frame inputs) {
    try {
      return served.predict(inputs);
    } catch (ClientError e) {
      throw e;
    } catch (KilnException e) {
      // The preprocessing refused a value (e.g. an unknown category): the client's input.
      throw ClientError.badRequest(e.getMessage());
    }
  }

  private void record(String requestId, ServedModel served, String role, Frame inputs,
      Frame outputs, long nanos) {
    boolean classifier = served.bundle().manifest().task() != Task.REGRESSION;
    String column = classifier && outputs.hasColumn("probability") ? "probability" : "prediction";
    if (outputs.hasColumn(column)) {
      metrics.predictions(served.name(), served.version(), classifier, outputs.column(column));
    }
    if (log != null) {
      log.offer(new PredictionLog.Entry(requestId, Instant.now(), served.name(),
          served.version(), role, nanos / 1e6, inputs, outputs));
    }
  }

  private void shadow(String requestId, ServedModel shadow, Frame inputs) {
    shadows.execute(() -> {
      long start = System.nanoTime();
      try {
        Frame outputs = shadow.predict(inputs);
        record(requestId, shadow, "shadow", inputs, outputs, System.nanoTime() - start);
        metrics.request(shadow.name(), shadow.version(), "shadow", 200,
            System.nanoTime() - start);
      } catch (RuntimeException e) {
        metrics.request(shadow.name(), shadow.version(), "shadow", 500,
            System.nanoTime() - start);
        LOG.debug("Shadow version {} failed: {}", shadow.version(), e.getMessage());
      }
    });
  }

  /** Finishes mirrored requests. */
  @Override
  public void close() {
    shadows.shutdown();
    try {
      shadows.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
