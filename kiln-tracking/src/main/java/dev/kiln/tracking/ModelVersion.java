package dev.kiln.tracking;

import java.util.Map;

/**
 * One version of a registered model.
 *
 * @param name the registered model name
 * @param version the version number, from 1
 * @param source the URI of the model bundle artifact
 * @param runId the run that produced it, or null
 * @param description free text, may be empty
 * @param status registration status, e.g. {@code READY}
 * @param creationTime epoch ms of creation
 * @param tags its tags
 */
public record ModelVersion(
    String name, long version, String source, String runId, String description, String status,
    long creationTime, Map<String, String> tags) {
  /** Copies the tags. */
  public ModelVersion {
    tags = Map.copyOf(tags);
  }
}
