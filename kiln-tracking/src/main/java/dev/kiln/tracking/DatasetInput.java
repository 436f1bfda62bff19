package dev.kiln.tracking;

import dev.kiln.tracking.internal.Keys;

/**
 * A dataset a run read or wrote, for lineage.
 *
 * @param name the catalog name
 * @param location where it lives (path or URI)
 * @param version the dataset version, or null
 * @param contentHash the content hash (e.g. sha256 hex), or null
 * @param rowCount the number of rows, or -1 when unknown
 * @param schema the schema as text (JSON), or null
 */
public record DatasetInput(
    String name, String location, String version, String contentHash, long rowCount,
    String schema) {
  /** Validates the name and location. */
  public DatasetInput {
    Keys.check("dataset", name);
    if (location == null || location.isBlank()) {
      throw new InvalidParameterException(
          "Dataset '" + name + "' has no location.", "Record where the dataset was read from.");
    }
  }
}
