package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts frames by several keys. Every key becomes an order-preserving {@code long} per row (text
 * by its rank among the column's distinct values), then a stable radix sort orders row numbers.
 */
public final class Sorting {
  private Sorting() {}

  /**
   * Returns the rows sorted by the keys, ties kept in their original order (a stable sort).
   *
   * @throws dev.kiln.data.DataFormatException naming a missing column
   */
  public static Frame sort(Frame frame, List<SortKey> keys) {
    return frame.take(order(frame, keys));
  }

  /** Returns the row numbers in sorted order. */
  static int[] order(Frame frame, List<SortKey> keys) {
    int n = frame.rowCount();
    int k = keys.size();
    long[][] values = new long[k][];
    boolean[][] nulls = new boolean[k][];
    boolean[] descending = new boolean[k];
    boolean[] nullsFirst = new boolean[k];
    for (int j = 0; j < k; j++) {
      Column c = frame.column(keys.get(j).column());
      values[j] = new long[n];
      nulls[j] = new boolean[n];
      if (!sortable(c, values[j], nulls[j])) {
        nulls[j] = null;
      }
      descending[j] = keys.get(j).descending();
      nullsFirst[j] = !keys.get(j).nullsLast();
    }
    return RadixOrder.sort(values, nulls, descending, nullsFirst, n);
  }

  /** Fills order-preserving longs (0 where missing, so ties keep their order) and missing flags. */
  private static boolean sortable(Column c, long[] out, boolean[] missing) {
    int n = out.length;
    if (c instanceof DoubleColumn d) {
      for (int i = 0; i < n; i++) {
        double x = d.getDouble(i);
        missing[i] = x != x;
        long bits = Double.doubleToRawLongBits(x + 0.0);
        out[i] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
      }
    } else if (c instanceof StringColumn s) {
      ranks(s, out, missing);
    } else {
      for (int i = 0; i < n; i++) {
        missing[i] = c.isNull(i);
        out[i] = c.getLong(i);
      }
    }
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (missing[i]) {
        out[i] = 0;
        any = true;
      }
    }
    return any;
  }

  /** Ranks text by sorting its dictionary once, then reads each row's rank by its code. */
  private static void ranks(StringColumn s, long[] out, boolean[] missing) {
    Integer[] codes = new Integer[s.dictionarySize()];
    for (int c = 0; c < codes.length; c++) {
      codes[c] = c;
    }
    Arrays.sort(codes, (a, b) -> s.dictionaryValue(a).compareTo(s.dictionaryValue(b)));
    long[] rank = new long[codes.length];
    for (int r = 0; r < codes.length; r++) {
      rank[codes[r]] = r;
    }
    for (int i = 0; i < out.length; i++) {
      int code = s.code(i);
      missing[i] = code == StringColumn.NULL_CODE;
      out[i] = missing[i] ? 0 : rank[code];
    }
  }
}
