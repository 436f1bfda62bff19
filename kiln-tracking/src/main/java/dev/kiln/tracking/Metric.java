package dev.kiln.tracking;

import dev.kiln.tracking.internal.Keys;
import java.util.Objects;

/**
 * One logged value of a metric.
 *
 * @param key the metric name
 * @param value the value (NaN and infinities are kept)
 * @param timestamp epoch milliseconds when it was measured
 * @param step the training step, 0 when not stepped
 */
public record Metric(String key, double value, long timestamp, long step) {
  /** Validates the key. */
  public Metric {
    Keys.check("metric", key);
  }

  /** Creates a metric at step 0, timestamped now. */
  public static Metric of(String key, double value) {
    return new Metric(key, value, System.currentTimeMillis(), 0);
  }

  /** Returns whether this value supersedes {@code other} as the latest of the same key. */
  public boolean isNewerThan(Metric other) {
    Objects.requireNonNull(other, "other");
    if (step != other.step) {
      return step > other.step;
    }
    if (timestamp != other.timestamp) {
      return timestamp > other.timestamp;
    }
    return value > other.value;
  }
}
