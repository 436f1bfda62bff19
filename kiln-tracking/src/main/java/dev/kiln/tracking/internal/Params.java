package dev.kiln.tracking.internal;

import java.util.Map;
import java.util.TreeMap;

/** Flattens nested parameter maps into dotted keys, e.g. {@code model.max_depth}. */
public final class Params {
  private Params() {}

  /**
   * Flattens nested maps; leaves become strings.
   *
   * @param nested a map whose values may be maps themselves
   * @return keys joined by dots, sorted
   */
  public static Map<String, String> flatten(Map<String, ?> nested) {
    Map<String, String> out = new TreeMap<>();
    flattenInto("", nested, out);
    return out;
  }

  private static void flattenInto(String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> child) {
        flattenInto(key + ".", child, out);
      } else {
        out.put(key, String.valueOf(e.getValue()));
      }
    }
  }
}
