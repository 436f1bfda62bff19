package dev.kiln.data.io;

import dev.kiln.data.ColumnType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a CSV file.
 *
 * @param delimiter the field separator, e.g. {@code ,} or {@code \t}
 * @param header whether the first line names the columns
 * @param types column types to use instead of the inferred ones (others are inferred)
 */
public record CsvOptions(String delimiter, boolean header, Map<String, ColumnType> types) {
  /** Copies the types. */
  public CsvOptions {
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** Returns comma-separated with a header and inferred types. */
  public static CsvOptions defaults() {
    return new CsvOptions(",", true, Map.of());
  }
}
