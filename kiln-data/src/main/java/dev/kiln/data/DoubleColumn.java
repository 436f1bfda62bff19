package dev.kiln.data;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.BitSet;

/** A column of doubles with a null mask. */
public final class DoubleColumn extends MaskedColumn {
  private final double[] values;

  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public DoubleColumn(String name, double[] values, BitSet nulls) {
    super(name, nulls);
    this.values = values;
  }

  /** Creates a column without missing values (NaN values are kept as NaN, not as missing). */
  public static DoubleColumn of(String name, double... values) {
    return new DoubleColumn(name, values, null);
  }

  @Override
  public ColumnType type() {
    return ColumnType.DOUBLE;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : values[row];
  }

  @Override
  public long getLong(int row) {
    return (long) values[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public DoubleColumn take(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new DoubleColumn(name(), out, nullsAt(rows));
  }

  @Override
  public DoubleColumn renamed(String newName) {
    return new DoubleColumn(newName, values, nulls());
  }

  @Override
  public DoubleColumn append(Column other) {
    Column.requireSameType(this, other);
    DoubleColumn o = (DoubleColumn) other;
    double[] out = Arrays.copyOf(values, values.length + o.values.length);
    System.arraycopy(o.values, 0, out, values.length, o.values.length);
    return new DoubleColumn(name(), out, nullsThen(o));
  }

  /**
   * Copies the stored values of rows {@code [from, from + n)} into a buffer in bulk (a missing
   * row's value is unspecified: check {@link #isNull} or {@link #nullCount}).
   *
   * @throws IndexOutOfBoundsException if the rows are outside the column
   */
  public void copyTo(int from, int n, DoubleBuffer out) {
    out.put(values, from, n);
  }

  @Override
  public double[] toDoubleArray() {
    double[] out = values.clone();
    if (nulls() != null) {
      nulls().stream().forEach(i -> out[i] = Double.NaN);
    }
    return out;
  }

  @Override
  final void fillValues(float[] out, int from, int to, int column, int stride) {
    for (int i = from, at = from * stride + column; i < to; i++, at += stride) {
      out[at] = (float) values[i];
    }
  }
}
