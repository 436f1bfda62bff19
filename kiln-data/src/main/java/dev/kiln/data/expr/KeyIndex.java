package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Constant keys of one type looked up without allocation: sorted arrays for numbers, booleans and
 * timestamps, a hash map for strings. A value matches the first equal key; null keys never match.
 */
final class KeyIndex {
  private final ColumnType type;
  private final double[] doubles;
  private final long[] longs;
  private final int[] positions;
  private final Map<String, Integer> strings = new HashMap<>();

  KeyIndex(ColumnType type, List<Scalar> keys) {
    this.type = type;
    int n = keys.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (type == ColumnType.STRING) {
      for (int i = n - 1; i >= 0; i--) {
        if (!keys.get(i).isNull) {
          strings.put(keys.get(i).s, i);
        }
      }
      doubles = null;
      longs = null;
      positions = null;
      return;
    }
    Integer[] present = Arrays.stream(order).filter(i -> !keys.get(i).isNull)
        .sorted((a, b) -> type == ColumnType.DOUBLE
            ? Double.compare(keys.get(a).d + 0.0, keys.get(b).d + 0.0)
            : Long.compare(asLong(type, keys.get(a)), asLong(type, keys.get(b))))
        .toArray(Integer[]::new);
    positions = new int[present.length];
    doubles = new double[present.length];
    longs = new long[present.length];
    for (int i = 0; i < present.length; i++) {
      positions[i] = present[i];
      doubles[i] = keys.get(present[i]).d + 0.0;
      longs[i] = asLong(type, keys.get(present[i]));
    }
  }

  private static long asLong(ColumnType type, Scalar v) {
    return type == ColumnType.BOOLEAN ? (v.b ? 1 : 0) : v.l;
  }

  /** Returns the position of the first key equal to a non-null value, or -1. */
  int find(Scalar v) {
    if (type == ColumnType.STRING) {
      Integer i = strings.get(v.s);
      return i == null ? -1 : i;
    }
    int at = type == ColumnType.DOUBLE ? Arrays.binarySearch(doubles, v.d + 0.0)
        : Arrays.binarySearch(longs, asLong(type, v));
    if (at < 0) {
      return -1;
    }
    int best = positions[at];
    for (int j = at - 1; j >= 0 && same(j, at); j--) {
      best = Math.min(best, positions[j]);
    }
    for (int j = at + 1; j < positions.length && same(j, at); j++) {
      best = Math.min(best, positions[j]);
    }
    return best;
  }

  private boolean same(int i, int j) {
    return type == ColumnType.DOUBLE ? doubles[i] == doubles[j] : longs[i] == longs[j];
  }
}
