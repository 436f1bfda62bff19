package dev.kiln.core.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One catalog entry as a {@link DatasetType} sees it: the dataset's name, its options from YAML
 * (with {@code type} removed), the project directory that relative paths are resolved against, and
 * the credentials named by the entry's {@code credentials} key, if any.
 *
 * @param name the dataset name, e.g. {@code raw_transactions}
 * @param options the entry's options, e.g. {@code filepath}
 * @param projectDir the project root; relative paths are resolved against it
 * @param credentials the resolved credentials; never logged or printed
 */
public record DatasetSpec(
    String name, Map<String, Object> options, Path projectDir, Map<String, String> credentials) {

  /** Validates and copies the arguments. */
  public DatasetSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("dataset name must not be blank");
    }
    options = Map.copyOf(options);
    credentials = Map.copyOf(credentials);
  }

  /** Returns the option as a string, if present. */
  public Optional<String> option(String key) {
    Object value = options.get(key);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  /**
   * Returns a required option as a string.
   *
   * @throws DatasetException if the option is missing
   */
  public String requireOption(String key) {
    return option(key)
        .orElseThrow(
            () ->
                new DatasetException(
                    "Catalog entry '" + name + "' has no '" + key + "' option.",
                    "add '" + key + ": ...' to the entry in catalog.yml"));
  }

  /**
   * Returns the required {@code filepath} option resolved against the project directory.
   *
   * @throws DatasetException if the option is missing
   */
  public Path filepath() {
    Path path = Path.of(requireOption("filepath"));
    return path.isAbsolute() ? path : projectDir.resolve(path).normalize();
  }

  /**
   * Returns a nested map option (e.g. {@code load_args}), or an empty map.
   *
   * @throws DatasetException if the option is present but not a map
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> mapOption(String key) {
    Object value = options.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new DatasetException(
          "Catalog entry '" + name + "' option '" + key + "' must be a map.",
          "write it as '" + key + ": {key: value}'");
    }
    return new TreeMap<>((Map<String, Object>) value);
  }

  /**
   * Throws when the entry has an option not in {@code known}, so typos are reported rather than
   * silently ignored.
   *
   * @throws DatasetException naming the unknown option and the known ones
   */
  public void checkOptions(List<String> known) {
    for (String key : new TreeMap<>(options).keySet()) {
      if (!known.contains(key) && !CatalogKeys.COMMON.contains(key)) {
        throw new DatasetException(
            "Catalog entry '" + name + "' has unknown option '" + key + "'.",
            "known options are " + known);
      }
    }
  }

  /** Returns the name, options and credential keys; credential values are never printed. */
  @Override
  public String toString() {
    return "DatasetSpec[name=" + name + ", options=" + options + ", projectDir=" + projectDir
        + ", credentials=" + new TreeMap<>(credentials).keySet() + "]";
  }

  /** Returns a copy with {@code filepath} replaced, used for versioned datasets. */
  public DatasetSpec withFilepath(Path filepath) {
    Map<String, Object> copy = new TreeMap<>(options);
    copy.put("filepath", filepath.toString());
    return new DatasetSpec(name, copy, projectDir, credentials);
  }
}
