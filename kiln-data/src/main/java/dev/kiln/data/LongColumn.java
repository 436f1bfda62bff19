package dev.kiln.data;

import java.util.BitSet;

/** A column of longs with a null mask. */
public final class LongColumn extends LongValuedColumn {
  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public LongColumn(String name, long[] values, BitSet nulls) {
    super(name, values, nulls);
  }

  /** Creates a column without missing values. */
  public static LongColumn of(String name, long... values) {
    return new LongColumn(name, values, null);
  }

  @Override
  LongColumn with(String name, long[] values, BitSet nulls) {
    return new LongColumn(name, values, nulls);
  }

  @Override
  public ColumnType type() {
    return ColumnType.LONG;
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : getLong(row);
  }

  @Override
  public LongColumn take(int[] rows) {
    return (LongColumn) super.take(rows);
  }

  @Override
  public LongColumn renamed(String newName) {
    return (LongColumn) super.renamed(newName);
  }

  @Override
  public LongColumn append(Column other) {
    return (LongColumn) super.append(other);
  }
}
