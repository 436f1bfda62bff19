package dev.kiln.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The column names and types of a frame, in order.
 *
 * @param columns column name to type, in order
 */
public record FrameSchema(Map<String, ColumnType> columns) {
  /** Copies the map, keeping the order. */
  public FrameSchema {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
