package dev.kiln.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Deep merging and dotted-key access for configuration maps. */
public final class ConfigMaps {
  private ConfigMaps() {}

  /** Returns {@code base} deep-merged with {@code override}: nested maps merge, values replace. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object old = result.get(key);
      if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
        result.put(key, merge((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
      } else {
        result.put(key, value);
      }
    });
    return result;
  }

  /** Returns the value at a dotted key ({@code a.b.c}), or null if absent. */
  @SuppressWarnings("unchecked")
  public static Object get(Map<String, Object> map, String dottedKey) {
    if (map.containsKey(dottedKey)) {
      return map.get(dottedKey);
    }
    Object current = map;
    for (String part : dottedKey.split("\\.")) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(part)) {
        return null;
      }
      current = ((Map<String, Object>) m).get(part);
    }
    return current;
  }

  /** Sets the value at a dotted key, creating intermediate maps; returns a new map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> with(Map<String, Object> map, String dottedKey, Object value) {
    String[] parts = dottedKey.split("\\.", 2);
    Map<String, Object> result = new LinkedHashMap<>(map);
    if (parts.length == 1) {
      result.put(parts[0], value);
    } else {
      Object child = result.get(parts[0]);
      Map<String, Object> childMap = child instanceof Map<?, ?> m
          ? (Map<String, Object>) m : new LinkedHashMap<>();
      result.put(parts[0], with(childMap, parts[1], value));
    }
    return result;
  }

  /** Flattens nested maps into dotted keys, e.g. {@code {a: {b: 1}}} to {@code {a.b: 1}}. */
  public static Map<String, Object> flatten(Map<String, Object> map) {
    Map<String, Object> result = new java.util.TreeMap<>();
    flattenInto("", map, result);
    return result;
  }

  private static void flattenInto(String prefix, Map<?, ?> map, Map<String, Object> out) {
    map.forEach((k, v) -> {
      String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
      if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
        flattenInto(key, nested, out);
      } else {
        out.put(key, v);
      }
    });
  }
}
