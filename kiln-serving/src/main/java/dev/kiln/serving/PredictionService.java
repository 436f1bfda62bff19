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
import java.util.function.Supplier;
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
  public record Scored(String requestId, ServedModel model, Frame outputs,
      List<Map<String, Double>> explanations) {}

  /** Reads a request into the chosen version's inputs. */
  @FunctionalInterface
  public interface Decoder {
    /**
     * Reads the request into an input frame with {@code reader}.
     *
     * @throws ClientError naming what is wrong with the request
     */
    Frame frame(TabularInputs reader);

    /**
     * Reads a valid request straight into checked rows, or returns null so that
     * {@link #frame} reads it (and names any problem). Explanations always take the frame.
     */
    default InputRows rows(TabularInputs reader) {
      return null;
    }
  }

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
   * Returns whether every served version calls its model inline (see
   * {@link ServedModel#callsInline()}), so a small request can be answered where it arrived.
   */
  public boolean callsInline() {
    for (ModelSlot slot : models.slots()) {
      ModelSlot.Deployment d = slot.deployment();
      if (!d.primary().callsInline() || d.challenger() != null && !d.challenger().callsInline()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Predicts a request.
   *
   * @param model the model name
   * @param version a version label to pin, or null to route
   * @param protocol the protocol label for metrics
   * @param decode reads the request, given the chosen version's reader
   * @param explain whether to add SHAP contributions
   * @throws ClientError for the client's mistakes, including values the preprocessing refuses
   */
  public Scored predict(String model, String version, String protocol, String requestId,
      Decoder decode, boolean explain) {
    long start = System.nanoTime();
    ModelSlot slot = models.slot(model);
    ModelSlot.Route route = version == null ? slot.route()
        : new ModelSlot.Route(slot.version(version), "pinned", null);
    ServedModel served = route.model();
    int status = 500;
    try {
      TabularInputs reader = models.inputs(served);
      InputRows rows = explain ? null : decode.rows(reader);
      Frame inputs = rows == null ? decode.frame(reader) : null;
      Frame outputs = predicting(rows != null ? () -> served.predict(rows)
          : () -> served.predict(inputs));
      List<Map<String, Double>> explanations = explain ? served.explain(inputs) : null;
      status = 200;
      long nanos = System.nanoTime() - start;
      Supplier<Frame> logged = rows != null ? rows : () -> inputs;
      record(requestId, served, route.role(), logged, outputs, nanos);
      if (route.shadow() != null) {
        shadow(requestId, route.shadow(), logged.get());
      }
      return new Scored(requestId, served, outputs, explanations);
    } catch (ClientError e) {
      status = e.status();
      throw e;
    } finally {
      metrics.request(slot.name(), served.version(), protocol, status, System.nanoTime() - start);
    }
  }

  private static Frame predicting(Supplier<Frame> prediction) {
    try {
      return prediction.get();
    } catch (ClientError e) {
      throw e;
    } catch (KilnException e) {
      // The preprocessing refused a value (e.g. an unknown category): the client's input.
      throw ClientError.badRequest(e.getMessage());
    }
  }

  private void record(String requestId, ServedModel served, String role, Supplier<Frame> inputs,
      Frame outputs, long nanos) {
    boolean classifier = served.bundle().manifest().task() != Task.REGRESSION;
    String column = classifier && outputs.hasColumn("probability") ? "probability" : "prediction";
    if (outputs.hasColumn(column)) {
      metrics.predictions(served.name(), served.version(), classifier, outputs.column(column));
    }
    if (log != null) {
      log.offer(new PredictionLog.Entry(requestId, Instant.now(), served.name(),
          served.version(), role, nanos / 1e6, inputs, outputs.rowCount(), outputs));
    }
  }

  private void shadow(String requestId, ServedModel shadow, Frame inputs) {
    shadows.execute(() -> {
      long start = System.nanoTime();
      try {
        Frame outputs = shadow.predict(inputs);
        record(requestId, shadow, "shadow", () -> inputs, outputs, System.nanoTime() - start);
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
