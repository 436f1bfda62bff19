package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.ops.Aggregation.Function;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** Computes aggregates per group in one pass over primitive arrays. */
final class Aggregator {
  private final GroupIndex index;
  private final int groups;

  Aggregator(GroupIndex index) {
    this.index = index;
    this.groups = index.groups;
  }

  Column apply(Aggregation a, Column c) {
    String name = a.outputName();
    return switch (a.function()) {
      case COUNT -> c == null ? LongColumn.of(name, toLongs(index.sizes())) : count(name, c);
      case SUM, MEAN, STD -> moments(a, name, c);
      case MIN, MAX -> MinMax.of(index, c, a.function() == Function.MAX).renamed(name);
      case NUNIQUE -> nunique(name, c);
      case FIRST, LAST -> c.take(a.function() == Function.FIRST ? index.firstRow : lastRows())
          .renamed(name);
    };
  }

  private Column count(String name, Column c) {
    long[] counts = new long[groups];
    int[] g = index.groupOf;
    for (int i = 0; i < g.length; i++) {
      if (!missing(c, i)) {
        counts[g[i]]++;
      }
    }
    return LongColumn.of(name, counts);
  }

  private Column moments(Aggregation a, String name, Column c) {
    if (c.type() == ColumnType.STRING || c.type() == ColumnType.TIMESTAMP) {
      throw new DataFormatException(a.function().name().toLowerCase(Locale.ROOT) + "('"
          + c.name() + "') needs numbers but column '" + c.name() + "' holds "
          + c.type().name().toLowerCase(Locale.ROOT) + " values.",
          "use count, nunique, min, max, first or last for it, or convert it first");
    }
    int[] g = index.groupOf;
    if (a.function() == Function.SUM && c.type() != ColumnType.DOUBLE) {
      long[] sums = new long[groups];
      for (int i = 0; i < g.length; i++) {
        if (!c.isNull(i)) {
          sums[g[i]] += c.getLong(i);
        }
      }
      return LongColumn.of(name, sums);
    }
    double[] v = c.toDoubleArray();
    double[] sums = new double[groups];
    long[] counts = new long[groups];
    for (int i = 0; i < v.length; i++) {
      if (v[i] == v[i]) {
        sums[g[i]] += v[i];
        counts[g[i]]++;
      }
    }
    if (a.function() == Function.SUM) {
      return DoubleColumn.of(name, sums);
    }
    double[] means = new double[groups];
    BitSet none = new BitSet();
    for (int k = 0; k < groups; k++) {
      means[k] = sums[k] / counts[k];
      if (counts[k] == 0 || a.function() == Function.STD && counts[k] < 2) {
        none.set(k);
      }
    }
    if (a.function() == Function.MEAN) {
      return new DoubleColumn(name, means, none);
    }
    double[] squares = new double[groups];
    for (int i = 0; i < v.length; i++) {
      if (v[i] == v[i]) {
        double d = v[i] - means[g[i]];
        squares[g[i]] += d * d;
      }
    }
    double[] std = new double[groups];
    for (int k = 0; k < groups; k++) {
      std[k] = none.get(k) ? Double.NaN : Math.sqrt(squares[k] / (counts[k] - 1));
    }
    return new DoubleColumn(name, std, none);
  }

  private Column nunique(String name, Column c) {
    long[] ids = toLongs(index.groupOf);
    GroupIndex pairs = GroupIndex.of(new KeyColumns(List.of(LongColumn.of("g", ids), c),
        ids.length));
    long[] counts = new long[groups];
    for (int first : pairs.firstRow) {
      if (!missing(c, first)) {
        counts[index.groupOf[first]]++;
      }
    }
    return LongColumn.of(name, counts);
  }

  private int[] lastRows() {
    int[] last = new int[groups];
    int[] g = index.groupOf;
    for (int i = 0; i < g.length; i++) {
      last[g[i]] = i;
    }
    return last;
  }

  /** Returns whether a value is missing; NaN doubles count as missing. */
  static boolean missing(Column c, int i) {
    return c.isNull(i) || c instanceof DoubleColumn d && Double.isNaN(d.getDouble(i));
  }

  private static long[] toLongs(int[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
