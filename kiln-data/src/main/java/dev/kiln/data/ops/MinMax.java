package dev.kiln.data.ops;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;

/** The smallest or largest non-missing value per group, as the row holding it. */
final class MinMax {
  private MinMax() {}

  /** Returns, per group, the value of the row with the extreme value (missing if none). */
  static Column of(GroupIndex index, Column c, boolean max) {
    int[] best = new int[index.groups];
    java.util.Arrays.fill(best, -1);
    int[] g = index.groupOf;
    int sign = max ? 1 : -1;
    for (int i = 0; i < g.length; i++) {
      if (Aggregator.missing(c, i)) {
        continue;
      }
      int b = best[g[i]];
      if (b < 0 || sign * compare(c, i, b) > 0) {
        best[g[i]] = i;
      }
    }
    return NullableTake.take(c, best);
  }

  private static int compare(Column c, int i, int j) {
    if (c instanceof DoubleColumn d) {
      return Double.compare(d.getDouble(i), d.getDouble(j));
    } else if (c instanceof LongColumn l) {
      return Long.compare(l.getLong(i), l.getLong(j));
    } else if (c instanceof TimestampColumn t) {
      return Long.compare(t.getLong(i), t.getLong(j));
    } else if (c instanceof BooleanColumn b) {
      return Boolean.compare(b.getBoolean(i), b.getBoolean(j));
    }
    return ((StringColumn) c).getString(i).compareTo(((StringColumn) c).getString(j));
  }
}
