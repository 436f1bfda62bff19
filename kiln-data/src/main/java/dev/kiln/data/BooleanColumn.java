package dev.kiln.data;

import java.util.Arrays;
import java.util.BitSet;

/** A column of booleans with a null mask. */
public final class BooleanColumn extends MaskedColumn {
  private final boolean[] values;

  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public BooleanColumn(String name, boolean[] values, BitSet nulls) {
    super(name, nulls);
    this.values = values;
  }

  /** Creates a column without missing values. */
  public static BooleanColumn of(String name, boolean... values) {
    return new BooleanColumn(name, values, null);
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOLEAN;
  }

  @Override
  public int size() {
    return values.length;
  }

  /** Returns the raw value at a row (false when missing is not guaranteed; check {@link #isNull}). */
  @Override
  public boolean getBoolean(int row) {
    return values[row];
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : values[row] ? 1.0 : 0.0;
  }

  @Override
  public long getLong(int row) {
    return values[row] ? 1 : 0;
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public BooleanColumn take(int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new BooleanColumn(name(), out, nullsAt(rows));
  }

  @Override
  public BooleanColumn renamed(String newName) {
    return new BooleanColumn(newName, values, nulls());
  }

  @Override
  public BooleanColumn append(Column other) {
    Column.requireSameType(this, other);
    BooleanColumn o = (BooleanColumn) other;
    boolean[] out = Arrays.copyOf(values, values.length + o.values.length);
    System.arraycopy(o.values, 0, out, values.length, o.values.length);
    return new BooleanColumn(name(), out, nullsThen(o));
  }

  @Override
  final void fillValues(float[] out, int from, int to, int column, int stride) {
    for (int i = from, at = from * stride + column; i < to; i++, at += stride) {
      out[at] = values[i] ? 1f : 0f;
    }
  }
}
