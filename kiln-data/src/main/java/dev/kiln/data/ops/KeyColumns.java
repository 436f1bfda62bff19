package dev.kiln.data.ops;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.List;

/**
 * The key columns of a frame read once into primitive arrays, with a 64-bit hash per row and
 * row equality. Nulls (and NaN doubles) are one key value, equal to each other, as in pandas'
 * {@code drop_duplicates} and SQL's {@code GROUP BY}.
 */
final class KeyColumns {
  private static final long NULL_HASH = 0x9E3779B97F4A7C15L;

  private final long[][] longs;
  private final String[][] strings;
  private final boolean[][] nulls;
  final long[] hashes;
  final int rows;

  KeyColumns(List<Column> columns, int rows) {
    int k = columns.size();
    this.rows = rows;
    longs = new long[k][];
    strings = new String[k][];
    nulls = new boolean[k][];
    hashes = new long[rows];
    for (int j = 0; j < k; j++) {
      read(j, columns.get(j));
    }
  }

  private void read(int j, Column c) {
    boolean[] missing = new boolean[rows];
    boolean any = false;
    if (c instanceof StringColumn s) {
      String[] v = new String[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = s.getString(i);
        missing[i] = v[i] == null;
        any |= missing[i];
        hashes[i] = mix(hashes[i], missing[i] ? NULL_HASH : v[i].hashCode());
      }
      strings[j] = v;
      nulls[j] = any ? missing : null;
      return;
    }
    long[] v = new long[rows];
    if (c instanceof DoubleColumn d) {
      for (int i = 0; i < rows; i++) {
        double x = d.getDouble(i);
        missing[i] = x != x;
        v[i] = missing[i] ? 0 : Double.doubleToRawLongBits(x + 0.0);
      }
    } else {
      boolean hasNulls = c.nullCount() > 0;
      for (int i = 0; i < rows; i++) {
        missing[i] = hasNulls && c.isNull(i);
        v[i] = longValue(c, i);
      }
    }
    for (int i = 0; i < rows; i++) {
      any |= missing[i];
      hashes[i] = mix(hashes[i], missing[i] ? NULL_HASH : v[i]);
    }
    longs[j] = v;
    nulls[j] = any ? missing : null;
  }

  private static long longValue(Column c, int i) {
    if (c instanceof LongColumn l) {
      return l.getLong(i);
    } else if (c instanceof TimestampColumn t) {
      return t.getLong(i);
    }
    return ((BooleanColumn) c).getBoolean(i) ? 1 : 0;
  }

  static long mix(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 29) ^ h * 31;
  }

  /** Returns whether row {@code i} of this and row {@code j} of {@code other} have equal keys. */
  boolean equal(int i, KeyColumns other, int j) {
    for (int c = 0; c < longs.length; c++) {
      boolean ni = nulls[c] != null && nulls[c][i];
      boolean nj = other.nulls[c] != null && other.nulls[c][j];
      if (ni || nj) {
        if (ni != nj) {
          return false;
        }
      } else if (strings[c] != null ? !strings[c][i].equals(other.strings[c][j])
          : longs[c][i] != other.longs[c][j]) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether any key of a row is missing. */
  boolean hasNull(int i) {
    for (boolean[] n : nulls) {
      if (n != null && n[i]) {
        return true;
      }
    }
    return false;
  }
}
