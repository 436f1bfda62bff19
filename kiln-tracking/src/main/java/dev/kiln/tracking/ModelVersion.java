package dev.kiln.tracking;

import dev.kiln.tracking.registry.ModelStage;
import java.util.List;
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
 * @param stage its stage, {@link ModelStage#NONE} until transitioned
 * @param creationTime epoch ms of creation
 * @param lastUpdateTime epoch ms of the last change
 * @param tags its tags
 * @param aliases the model's aliases that point at this version, sorted
 */
public record ModelVersion(
    String name, long version, String source, String runId, String description, String status,
    ModelStage stage, long creationTime, long lastUpdateTime, Map<String, String> tags,
    List<String> aliases) {
  /** Copies the tags and aliases. */
  public ModelVersion {
    tags = Map.copyOf(tags);
    aliases = List.copyOf(aliases);
  }
}
