package dev.kiln.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Per-column summary statistics of a frame. */
final class FrameStats {
  private FrameStats() {}

  static Frame describe(Frame frame) {
    List<Column> cols = frame.columns();
    int n = cols.size();
    String[] names = new String[n];
    String[] types = new String[n];
    long[] count = new long[n];
    long[] nulls = new long[n];
    long[] distinct = new long[n];
    double[][] stats = new double[4][n];
    for (int j = 0; j < n; j++) {
      Column c = cols.get(j);
      names[j] = c.name();
      types[j] = c.type().name().toLowerCase(java.util.Locale.ROOT);
      nulls[j] = c.nullCount();
      count[j] = c.size() - nulls[j];
      distinct[j] = distinct(c);
      double[] s = c.type().isNumeric() ? moments(c) : new double[] {Double.NaN, Double.NaN,
          Double.NaN, Double.NaN};
      for (int k = 0; k < 4; k++) {
        stats[k][j] = s[k];
      }
    }
    return Frame.of(StringColumn.of("column", names), StringColumn.of("type", types),
        LongColumn.of("count", count), LongColumn.of("nulls", nulls),
        LongColumn.of("distinct", distinct), DoubleColumn.of("mean", stats[0]),
        DoubleColumn.of("std", stats[1]), DoubleColumn.of("min", stats[2]),
        DoubleColumn.of("max", stats[3]));
  }

  /** Returns mean, sample std (ddof 1, as pandas), min and max of the non-missing values. */
  private static double[] moments(Column c) {
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long k = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.isNull(i)) {
        continue;
      }
      double x = c.getDouble(i);
      k++;
      double delta = x - mean;
      mean += delta / k;
      m2 += delta * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return k == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
        : new double[] {mean, k > 1 ? Math.sqrt(m2 / (k - 1)) : Double.NaN, min, max};
  }

  private static long distinct(Column c) {
    if (c instanceof StringColumn s) {
      java.util.BitSet used = new java.util.BitSet(s.dictionarySize());
      for (int i = 0; i < s.size(); i++) {
        if (!s.isNull(i)) {
          used.set(s.code(i));
        }
      }
      return used.cardinality();
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < c.size(); i++) {
      if (!c.isNull(i)) {
        seen.add(c.get(i));
      }
    }
    return seen.size();
  }
}
