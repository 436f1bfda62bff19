package dev.kiln.data.ops;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.BitSet;

/** Takes rows of a column where an index of -1 gives a missing value (a left join's misses). */
final class NullableTake {
  private NullableTake() {}

  static Column take(Column c, int[] rows) {
    boolean misses = false;
    for (int r : rows) {
      if (r < 0) {
        misses = true;
        break;
      }
    }
    if (!misses) {
      return c.take(rows);
    }
    int n = rows.length;
    BitSet nulls = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (rows[i] < 0 || c.isNull(rows[i])) {
        nulls.set(i);
      }
    }
    if (c instanceof DoubleColumn d) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rows[i] < 0 ? Double.NaN : d.getDouble(rows[i]);
      }
      return new DoubleColumn(c.name(), v, nulls);
    } else if (c instanceof StringColumn s) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = rows[i] < 0 ? StringColumn.NULL_CODE : s.code(rows[i]);
      }
      return StringColumn.ofCodes(c.name(), codes, s.dictionary().toArray(String[]::new));
    } else if (c instanceof BooleanColumn b) {
      boolean[] v = new boolean[n];
      for (int i = 0; i < n; i++) {
        v[i] = rows[i] >= 0 && b.getBoolean(rows[i]);
      }
      return new BooleanColumn(c.name(), v, nulls);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rows[i] < 0 || nulls.get(i) ? 0 : c.getLong(rows[i]);
    }
    return c instanceof TimestampColumn t ? new TimestampColumn(c.name(), v, nulls, t.kind())
        : new LongColumn(c.name(), v, nulls);
  }
}
