package dev.kiln.tracking.registry;

import java.util.Map;

/**
 * A named model in the registry.
 *
 * @param name the unique name
 * @param description free text, may be empty
 * @param creationTime epoch ms of creation
 * @param lastUpdateTime epoch ms of the last change
 * @param tags its tags
 * @param aliases alias name to the version number it points at
 */
public record RegisteredModel(
    String name, String description, long creationTime, long lastUpdateTime,
    Map<String, String> tags, Map<String, Long> aliases) {
  /** Copies the maps. */
  public RegisteredModel {
    tags = Map.copyOf(tags);
    aliases = Map.copyOf(aliases);
  }
}
