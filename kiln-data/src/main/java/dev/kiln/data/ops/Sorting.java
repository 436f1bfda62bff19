package dev.kiln.data.ops;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
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
    } else if (c instanceof BooleanColumn b) {
      for (int i = 0; i < n; i++) {
        missing[i] = b.isNull(i);
        out[i] = b.getBoolean(i) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        missing[i] = c.isNull(i);
        out[i] = c instanceof LongColumn l ? l.getLong(i)
            : ((dev.kiln.data.TimestampColumn) c).getLong(i);
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

  private static void ranks(StringColumn s, long[] out, boolean[] missing) {
    GroupIndex distinct = GroupIndex.of(new KeyColumns(List.of(s), out.length));
    Integer[] groups = new Integer[distinct.groups];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = g;
    }
    int[] first = distinct.firstRow;
    Arrays.sort(groups, (a, b) -> {
      String x = s.getString(first[a]);
      String y = s.getString(first[b]);
      return x == null || y == null ? Boolean.compare(x == null, y == null) : x.compareTo(y);
    });
    long[] rank = new long[groups.length];
    for (int r = 0; r < groups.length; r++) {
      rank[groups[r]] = r;
    }
    for (int i = 0; i < out.length; i++) {
      missing[i] = s.getString(i) == null;
      out[i] = rank[distinct.groupOf[i]];
    }
  }
}
