package dev.kiln.core.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named numbers a node reports, e.g. {@code {"roc_auc": 0.97}}. A node returns metrics by
 * declaring an output of this type; the runner records them in the run state (and, with tracking
 * enabled, as run metrics) besides saving the dataset like any other.
 *
 * @param values metric name to value, sorted by name
 */
public record Metrics(Map<String, Double> values) {
  /** Copies the values, sorted by name. */
  public Metrics {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Creates metrics from a map. */
  public static Metrics of(Map<String, Double> values) {
    return new Metrics(values);
  }
}
