package dev.kiln.tracking.internal.search;

import java.util.Map;
import java.util.Set;

/**
 * How the filter prefixes of one searchable entity map onto tables.
 *
 * @param idColumn the qualified id column of the main table, e.g. {@code r.id}
 * @param attributes attribute name to qualified column
 * @param numeric attribute names compared as numbers
 * @param keyed prefix (metrics, params, tags) to the child table holding key/value rows
 * @param datasetColumns for the datasets prefix: key to column of {@code dataset_inputs}
 */
public record SearchSchema(
    String idColumn, Map<String, String> attributes, Set<String> numeric,
    Map<String, KeyedTable> keyed, Map<String, String> datasetColumns) {

  /**
   * A child table of key/value rows.
   *
   * @param table the table name
   * @param fk its column referencing the main id
   * @param numeric whether values compare as numbers
   */
  public record KeyedTable(String table, String fk, boolean numeric) {}

  /** Copies the maps. */
  public SearchSchema {
    attributes = Map.copyOf(attributes);
    numeric = Set.copyOf(numeric);
    keyed = Map.copyOf(keyed);
    datasetColumns = Map.copyOf(datasetColumns);
  }
}
