package dev.kiln.serving;

import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.RowFeatures;
import java.util.List;
import java.util.Map;

/**
 * One loaded version of a model, ready to answer: the verified bundle behind a micro-batcher.
 * Instances are immutable and swapped whole on reload; {@link #close()} lets in-flight requests
 * finish.
 */
public final class ServedModel implements AutoCloseable {
  /** Request threads' feature matrices, reused across requests (the model reads, then returns). */
  private static final int MAX_KEPT_FEATURES = 1 << 16;
  private final ThreadLocal<float[]> featureBuffers = ThreadLocal.withInitial(() -> new float[0]);

  private final String name;
  private final String version;
  private final String sourceKey;
  private final LoadedBundle bundle;
  private final RowFeatures rowFeatures;
  private final MicroBatcher batcher;
  private final Runnable unregisterGauge;

  ServedModel(String name, String version, String sourceKey, LoadedBundle bundle,
      BatchingConfig batching, ServingMetrics metrics) {
    this.name = name;
    this.version = version;
    this.sourceKey = sourceKey;
    this.bundle = bundle;
    this.rowFeatures = RowFeatures.compile(bundle);
    MicroBatcher.BatchModel model = bundle.model()::predict;
    this.batcher = new MicroBatcher(name + "-" + version, model,
        bundle.manifest().features().size(), batching, rows -> metrics.batch(name, version, rows));
    this.unregisterGauge = metrics.queueDepth(name, version, batcher::queueDepth);
  }

  /** Returns the model name requests use. */
  public String name() {
    return name;
  }

  /** Returns the version label: the registry version, or the bundle's own version. */
  public String version() {
    return version;
  }

  /** Returns what identifies this version at its source (a registry version, a file hash). */
  String sourceKey() {
    return sourceKey;
  }

  /** Returns the bundle. */
  public LoadedBundle bundle() {
    return bundle;
  }

  /**
   * Predicts the rows of an input frame built by {@link InputFrames}.
   *
   * @throws dev.kiln.core.KilnException for values the preprocessing refuses (e.g. an unknown
   *     category under the encoder's error policy)
   */
  public Frame predict(Frame input) {
    int n = input.rowCount();
    return bundle.outputs(batcher.predict(features(input), n), n);
  }

  /**
   * Predicts checked request rows: the features computed per row into this thread's reused
   * buffer when the bundle's preprocessing compiles to a per-row program, through the frame path
   * otherwise.
   *
   * @throws dev.kiln.core.KilnException for values the preprocessing refuses
   */
  public Frame predict(InputRows rows) {
    int n = rows.rowCount();
    if (rowFeatures == null || rows.hasFractions()) {
      return predict(rows.frame());
    }
    float[] x = featureBuffer(n * rowFeatures.width());
    return bundle.outputs(batcher.predict(rowFeatures.features(rows, n, x), n), n);
  }

  /**
   * Returns this thread's feature buffer of exactly {@code size} values (models read the whole
   * array): the last one when it has that size, else a new one, kept unless large.
   */
  private float[] featureBuffer(int size) {
    float[] buffer = featureBuffers.get();
    if (buffer.length == size) {
      return buffer;
    }
    float[] fresh = new float[size];
    if (size <= MAX_KEPT_FEATURES) {
      featureBuffers.set(fresh);
    }
    return fresh;
  }

  /**
   * Returns the model's features: computed per row by the bundle's compiled transforms when it
   * has no other preprocessing, through the frame path otherwise (same values).
   */
  private float[] features(Frame input) {
    float[] x = rowFeatures == null ? null : rowFeatures.features(input);
    return x != null ? x : bundle.features(input);
  }

  /**
   * Measures a one-row model call on {@code input} (after preprocessing) and lets the batcher
   * decide whether batching is worth it for this version.
   *
   * @return the mean cost of a one-row model call, in nanoseconds
   */
  long calibrate(Frame oneRow) {
    return batcher.calibrate(features(oneRow));
  }

  /**
   * Returns whether a request calls the model on its own thread and the call only computes
   * (see {@link dev.kiln.ml.Model#computesOnly()}): no wait for a batch, a lock or I/O.
   */
  public boolean callsInline() {
    return !batcher.batching() && bundle.model().computesOnly();
  }

  /** Returns whether this version's requests are micro-batched. */
  public boolean batching() {
    return batcher.batching();
  }

  /**
   * Says whether requests are micro-batched, as measured at warm-up: {@code on (a one-row model
   * call takes 85.2 µs)}, {@code off: a one-row model call takes 2.1 µs, less than a hand-off
   * between threads}, or {@code off (disabled)}.
   */
  public String batchingDescription() {
    return batcher.describeBatching();
  }

  /** Returns SHAP contributions per row. */
  public List<Map<String, Double>> explain(Frame input) {
    return bundle.explain(input);
  }

  /** Finishes the waiting requests and stops the batch worker. */
  @Override
  public void close() {
    batcher.close();
    unregisterGauge.run();
  }
}
