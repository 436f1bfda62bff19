package dev.kiln.tracking;

import dev.kiln.tracking.internal.Keys;
import java.util.List;
import java.util.Map;

/**
 * Values to log to a run in one transaction. Metrics append to their history; params are
 * write-once (the same value again is accepted, another value is rejected); tags overwrite.
 *
 * @param metrics metric values to append
 * @param params params with dotted keys
 * @param tags tags to set
 */
public record LogBatch(List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
  /** Validates the keys and copies the collections. */
  public LogBatch {
    metrics = List.copyOf(metrics);
    params = Map.copyOf(params);
    tags = Map.copyOf(tags);
    params.keySet().forEach(k -> Keys.check("param", k));
    tags.keySet().forEach(k -> Keys.check("tag", k));
  }

  /** Returns a batch of metrics only. */
  public static LogBatch metrics(Metric... metrics) {
    return new LogBatch(List.of(metrics), Map.of(), Map.of());
  }

  /** Returns a batch of params only. */
  public static LogBatch params(Map<String, String> params) {
    return new LogBatch(List.of(), params, Map.of());
  }

  /** Returns a batch of tags only. */
  public static LogBatch tags(Map<String, String> tags) {
    return new LogBatch(List.of(), Map.of(), tags);
  }
}
