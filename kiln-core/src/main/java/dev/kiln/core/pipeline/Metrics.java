package dev.kiln.core.pipeline;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named numbers a node reports, e.g. {@code {"roc_auc": 0.97}}, and series of them by step, e.g.
 * a validation loss per boosting round. A node returns metrics by declaring an output of this
 * type; the runner records them in the run state (and, with tracking enabled, as run metrics
 * with their steps) besides saving the dataset like any other.
 *
 * @param values metric name to value, sorted by name
 * @param history metric name to its values at steps 0, 1, 2, ..., sorted by name
 */
public record Metrics(Map<String, Double> values, Map<String, List<Double>> history) {
  /** Copies the values and histories, sorted by name. */
  public Metrics {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    Map<String, List<Double>> copy = new TreeMap<>();
    if (history != null) {
      history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    history = Collections.unmodifiableMap(copy);
  }

  /** Creates metrics from a map. */
  public static Metrics of(Map<String, Double> values) {
    return new Metrics(values, Map.of());
  }

  /** Returns these metrics plus a series of values by step. */
  public Metrics withHistory(String name, List<Double> steps) {
    Map<String, List<Double>> more = new TreeMap<>(history);
    more.put(name, steps);
    return new Metrics(values, more);
  }
}
