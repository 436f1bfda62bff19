package dev.kiln.data;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.BitSet;

/** A column stored as longs with a null mask: plain longs, or timestamps. */
abstract sealed class LongValuedColumn extends MaskedColumn permits LongColumn, TimestampColumn {
  private final long[] values;

  LongValuedColumn(String name, long[] values, BitSet nulls) {
    super(name, nulls);
    this.values = values;
  }

  /** Creates a column of the same kind. */
  abstract LongValuedColumn with(String name, long[] values, BitSet nulls);

  @Override
  public final int size() {
    return values.length;
  }

  @Override
  public final long getLong(int row) {
    return values[row];
  }

  @Override
  public final double getDouble(int row) {
    return isNull(row) ? Double.NaN : values[row];
  }

  /**
   * Copies the stored values of rows {@code [from, from + n)} into a buffer in bulk (a missing
   * row's value is unspecified: check {@link #isNull} or {@link #nullCount}).
   *
   * @throws IndexOutOfBoundsException if the rows are outside the column
   */
  public final void copyTo(int from, int n, LongBuffer out) {
    out.put(values, from, n);
  }

  @Override
  public LongValuedColumn take(int[] rows) {
    long[] out = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return with(name(), out, nullsAt(rows));
  }

  @Override
  public LongValuedColumn renamed(String newName) {
    return with(newName, values, nulls());
  }

  @Override
  public LongValuedColumn append(Column other) {
    Column.requireSameType(this, other);
    LongValuedColumn o = (LongValuedColumn) other;
    long[] out = Arrays.copyOf(values, values.length + o.values.length);
    System.arraycopy(o.values, 0, out, values.length, o.values.length);
    return with(name(), out, nullsThen(o));
  }

  @Override
  final void fillValues(float[] out, int from, int to, int column, int stride) {
    for (int i = from, at = from * stride + column; i < to; i++, at += stride) {
      out[at] = (float) values[i];
    }
  }
}
