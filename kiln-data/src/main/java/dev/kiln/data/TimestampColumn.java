package dev.kiln.data;

import java.util.Arrays;
import java.util.BitSet;

/** A column of epoch microseconds (UTC) with a null mask. */
public final class TimestampColumn implements Column {
  private final String name;
  private final long[] values;
  private final BitSet nulls;

  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public TimestampColumn(String name, long[] values, BitSet nulls) {
    this.name = name;
    this.values = values;
    this.nulls = nulls == null || nulls.isEmpty() ? null : nulls;
  }

  /** Creates a column without missing values. */
  public static TimestampColumn of(String name, long... values) {
    return new TimestampColumn(name, values, null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.TIMESTAMP;
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
    return isNull(row) ? null : java.time.Instant.EPOCH.plus(values[row], java.time.temporal.ChronoUnit.MICROS);
  }

  @Override
  public TimestampColumn take(int[] rows) {
    long[] out = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new TimestampColumn(name, out, Column.takeNulls(nulls, rows));
  }

  @Override
  public TimestampColumn renamed(String newName) {
    return new TimestampColumn(newName, values, nulls);
  }

  @Override
  public TimestampColumn append(Column other) {
    Column.requireSameType(this, other);
    TimestampColumn o = (TimestampColumn) other;
    long[] out = Arrays.copyOf(values, values.length + o.values.length);
    System.arraycopy(o.values, 0, out, values.length, o.values.length);
    return new TimestampColumn(name, out, Column.appendNulls(nulls, values.length, o.nulls));
  }
}
