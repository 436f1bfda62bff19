package dev.kiln.tracking;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of one tracked run.
 *
 * @param id the run id
 * @param experimentId the experiment it belongs to
 * @param name the display name
 * @param status its status; a run whose owner process died reads as {@link RunStatus#KILLED}
 * @param startTime epoch ms when it started
 * @param endTime epoch ms when it ended, or -1 while running
 * @param params params with dotted keys (write-once)
 * @param metrics the latest value of each metric
 * @param tags tags (overwritable)
 * @param inputs datasets it read or wrote
 * @param deleted whether it is soft-deleted (restorable)
 * @param artifactUri the URI of its artifact folder, {@code <experiment location>/<id>/artifacts}
 * @param userId the user who started it, or null if unknown
 */
public record Run(
    String id, String experimentId, String name, RunStatus status, long startTime, long endTime,
    Map<String, String> params, Map<String, Metric> metrics, Map<String, String> tags,
    List<DatasetInput> inputs, boolean deleted, String artifactUri, String userId) {
  /** Copies the collections. */
  public Run {
    params = Map.copyOf(params);
    metrics = Map.copyOf(metrics);
    tags = Map.copyOf(tags);
    inputs = List.copyOf(inputs);
  }

  /** Returns the end time, empty while the run is running. */
  public OptionalLong end() {
    return endTime < 0 ? OptionalLong.empty() : OptionalLong.of(endTime);
  }

  /** Returns the run's artifact folder, relative to the artifact store's root. */
  public String artifactFolder() {
    return experimentId + "/" + id + "/artifacts";
  }
}
