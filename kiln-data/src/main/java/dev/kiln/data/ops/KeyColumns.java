package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.StringColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key columns of a frame read once as one {@code long} per row and column (numbers by value,
 * doubles by their bits, text by dictionary code), with a 64-bit hash per row. Missing values
 * (and NaN doubles) are one key value, equal to each other, as in pandas' {@code drop_duplicates}
 * and SQL's {@code GROUP BY}.
 */
final class KeyColumns {
  private static final long NULL_HASH = 0x9E3779B97F4A7C15L;

  private final long[][] values;
  private final boolean[][] nulls;
  private final List<Column> columns;
  final long[] hashes;
  final int rows;

  /** Reads key columns on their own. */
  KeyColumns(List<Column> columns, int rows) {
    this(columns, rows, null);
  }

  /**
   * Reads key columns; when {@code alignTo} is given (the other side of a join), text is coded in
   * its dictionaries so that equal strings have equal codes on both sides.
   */
  KeyColumns(List<Column> columns, int rows, KeyColumns alignTo) {
    int k = columns.size();
    this.rows = rows;
    this.columns = columns;
    values = new long[k][];
    nulls = new boolean[k][];
    hashes = new long[rows];
    for (int j = 0; j < k; j++) {
      Column c = columns.get(j);
      values[j] = new long[rows];
      boolean[] missing = new boolean[rows];
      if (c instanceof StringColumn s) {
        codes(s, alignTo == null ? s : (StringColumn) alignTo.columns.get(j), values[j], missing);
      } else {
        read(c, values[j], missing);
      }
      boolean any = false;
      for (int i = 0; i < rows; i++) {
        any |= missing[i];
        hashes[i] = mix(hashes[i], missing[i] ? NULL_HASH : values[j][i]);
      }
      nulls[j] = any ? missing : null;
    }
  }

  private void read(Column c, long[] out, boolean[] missing) {
    if (c instanceof DoubleColumn d) {
      for (int i = 0; i < rows; i++) {
        double x = d.getDouble(i);
        missing[i] = x != x;
        out[i] = missing[i] ? 0 : Double.doubleToRawLongBits(x + 0.0);
      }
      return;
    }
    boolean hasNulls = c.nullCount() > 0;
    for (int i = 0; i < rows; i++) {
      missing[i] = hasNulls && c.isNull(i);
      out[i] = missing[i] ? 0 : c.getLong(i);
    }
  }

  /** Codes text in {@code space}'s dictionary; values it lacks get codes that match nothing. */
  private void codes(StringColumn s, StringColumn space, long[] out, boolean[] missing) {
    long[] translate = new long[s.dictionarySize()];
    if (space == s) {
      for (int c = 0; c < translate.length; c++) {
        translate[c] = c;
      }
    } else {
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < space.dictionarySize(); c++) {
        index.put(space.dictionaryValue(c), c);
      }
      for (int c = 0; c < translate.length; c++) {
        Integer at = index.get(s.dictionaryValue(c));
        translate[c] = at == null ? -2L - c : at;
      }
    }
    for (int i = 0; i < rows; i++) {
      int code = s.code(i);
      missing[i] = code == StringColumn.NULL_CODE;
      out[i] = missing[i] ? 0 : translate[code];
    }
  }

  static long mix(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 29) ^ h * 31;
  }

  /** Returns whether row {@code i} of this and row {@code j} of {@code other} have equal keys. */
  boolean equal(int i, KeyColumns other, int j) {
    for (int c = 0; c < values.length; c++) {
      boolean ni = nulls[c] != null && nulls[c][i];
      boolean nj = other.nulls[c] != null && other.nulls[c][j];
      if (ni != nj || !ni && values[c][i] != other.values[c][j]) {
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
