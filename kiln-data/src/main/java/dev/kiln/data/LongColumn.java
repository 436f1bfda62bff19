package dev.kiln.data;

import java.util.Arrays;
import java.util.BitSet;

/** A column of longs with a null mask. */
public final class LongColumn implements Column {
  private final String name;
  private final long[] values;
  private final BitSet nulls;

  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public LongColumn(String name, long[] values, BitSet nulls) {
    this.name = name;
    this.values = values;
    this.nulls = nulls == null || nulls.isEmpty() ? null : nulls;
  }

  /** Creates a column without missing values. */
  public static LongColumn of(String name, long... values) {
    return new LongColumn(name, values, null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.LONG;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls.get(row);
  }

  @Override
  public int nullCount() {
    return nulls == null ? 0 : nulls.cardinality();
  }

  /** Returns the raw value at a row (0L when missing is not guaranteed; check {@link #isNull}). */
  public long getLong(int row) {
    return values[row];
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : values[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public LongColumn take(int[] rows) {
    long[] out = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new LongColumn(name, out, Column.takeNulls(nulls, rows));
  }

  @Override
  public LongColumn renamed(String newName) {
    return new LongColumn(newName, values, nulls);
  }

  @Override
  public LongColumn append(Column other) {
    Column.requireSameType(this, other);
    LongColumn o = (LongColumn) other;
    long[] out = Arrays.copyOf(values, values.length + o.values.length);
    System.arraycopy(o.values, 0, out, values.length, o.values.length);
    return new LongColumn(name, out, Column.appendNulls(nulls, values.length, o.nulls));
  }
}
