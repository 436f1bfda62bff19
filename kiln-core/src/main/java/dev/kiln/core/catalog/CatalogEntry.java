package dev.kiln.core.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed {@code catalog.yml} entry. A name containing {@code {placeholders}} is a dataset
 * factory that matches many dataset names.
 *
 * @param name the dataset name or pattern
 * @param type the dataset type name
 * @param options the remaining options, passed to the type
 * @param versioned whether each save is kept as a new version
 * @param credentials the name of a credentials set, or null
 */
public record CatalogEntry(String name, String type, Map<String, Object> options,
    boolean versioned, String credentials) {

  /** Copies the options. */
  public CatalogEntry {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /**
   * Parses an entry from its YAML value.
   *
   * @throws DatasetException if the value is not a mapping or has no {@code type}
   */
  static CatalogEntry parse(String name, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new DatasetException("Catalog entry '" + name + "' is not a valid dataset"
          + " configuration.", "write it as a mapping with a 'type', e.g. '" + name
          + ": {type: csv, filepath: data/01_raw/" + name + ".csv}'; keys starting with '_' are"
          + " ignored and can hold shared values");
    }
    Map<String, Object> options = new LinkedHashMap<>();
    map.forEach((k, v) -> options.put(String.valueOf(k), v));
    Object type = options.remove("type");
    if (type == null) {
      throw new DatasetException("Catalog entry '" + name + "' has no 'type'.",
          "add 'type: ...' (for example text, json, yaml, binary, csv, parquet)");
    }
    Object versioned = options.remove("versioned");
    Object credentials = options.remove("credentials");
    options.remove("metadata");
    return new CatalogEntry(name, String.valueOf(type), options,
        Boolean.TRUE.equals(versioned) || "true".equals(String.valueOf(versioned)),
        credentials == null ? null : String.valueOf(credentials));
  }

  /** Returns whether this entry is a factory pattern. */
  public boolean isPattern() {
    return name.contains("{");
  }

  /** Returns the entry with {@code {placeholders}} in string options replaced. */
  CatalogEntry resolved(String datasetName, Map<String, String> placeholders) {
    Map<String, Object> opts = new LinkedHashMap<>();
    options.forEach((k, v) -> opts.put(k, v instanceof String s ? substitute(s, placeholders) : v));
    return new CatalogEntry(datasetName, substitute(type, placeholders), opts, versioned,
        credentials);
  }

  private static String substitute(String text, Map<String, String> placeholders) {
    String result = text;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      result = result.replace("{" + p.getKey() + "}", p.getValue());
    }
    return result;
  }
}
