package dev.kiln.tracking.experiment;

import java.util.Map;

/**
 * A named group of runs.
 *
 * @param id the experiment id
 * @param name the unique name
 * @param artifactLocation the root URI for the artifacts of its runs
 * @param deleted whether it is soft-deleted
 * @param creationTime epoch ms of creation
 * @param lastUpdateTime epoch ms of the last change
 * @param tags its tags
 */
public record Experiment(
    String id, String name, String artifactLocation, boolean deleted, long creationTime,
    long lastUpdateTime, Map<String, String> tags) {
  /** Copies the tags. */
  public Experiment {
    tags = Map.copyOf(tags);
  }
}
