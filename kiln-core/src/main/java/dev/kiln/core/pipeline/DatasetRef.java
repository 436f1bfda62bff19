package dev.kiln.core.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed name of a dataset: what a node reads or writes. The type is checked when a pipeline is
 * built (producer against consumer) and when it runs (catalog dataset against consumer).
 *
 * <p>Parameters are datasets too: {@code DatasetRef.param("model.max_depth", Integer.class)} names
 * {@code params:model.max_depth}, read from {@code parameters.yml} and converted to the type.
 *
 * @param name the dataset name, e.g. {@code raw_transactions} or {@code params:split.test_size}
 * @param type the Java type of the value
 * @param <T> the type of the value
 */
public record DatasetRef<T>(String name, Class<T> type) {
  /** Prefix of parameter dataset names. */
  public static final String PARAMS_PREFIX = "params:";

  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  /**
   * Validates the name.
   *
   * @throws PipelineException if the name is blank or has characters other than letters, digits,
   *     {@code _ . -} (after an optional {@code params:} prefix)
   */
  public DatasetRef {
    Objects.requireNonNull(type, "type");
    String bare = name != null && name.startsWith(PARAMS_PREFIX)
        ? name.substring(PARAMS_PREFIX.length()) : name;
    if (name == null || (!"parameters".equals(name) && !VALID_NAME.matcher(bare).matches())) {
      throw new PipelineException(
          "'" + name + "' is not a valid dataset name.",
          "use letters, digits, '_', '.' and '-' only, optionally after 'params:'");
    }
  }

  /** Creates a reference to a dataset. */
  public static <T> DatasetRef<T> of(String name, Class<T> type) {
    return new DatasetRef<>(name, type);
  }

  /** Creates a reference to the parameter at a dotted key, e.g. {@code model.max_depth}. */
  public static <T> DatasetRef<T> param(String dottedKey, Class<T> type) {
    return new DatasetRef<>(PARAMS_PREFIX + dottedKey, type);
  }

  /** Returns whether this names a parameter ({@code params:...} or {@code parameters}). */
  public boolean isParameter() {
    return isParameter(name);
  }

  /** Returns whether a dataset name denotes a parameter. */
  public static boolean isParameter(String name) {
    return name.startsWith(PARAMS_PREFIX) || "parameters".equals(name);
  }

  /** Returns a reference of the same type under another name. */
  public DatasetRef<T> renamed(String newName) {
    return new DatasetRef<>(newName, type);
  }

  @Override
  public String toString() {
    return name + ":" + type.getSimpleName();
  }
}
