package dev.kiln.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/** A column of epoch microseconds (UTC) with a null mask. */
public final class TimestampColumn extends LongValuedColumn {
  /**
   * Creates a column; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public TimestampColumn(String name, long[] values, BitSet nulls) {
    super(name, values, nulls);
  }

  /** Creates a column without missing values. */
  public static TimestampColumn of(String name, long... values) {
    return new TimestampColumn(name, values, null);
  }

  @Override
  TimestampColumn with(String name, long[] values, BitSet nulls) {
    return new TimestampColumn(name, values, nulls);
  }

  @Override
  public ColumnType type() {
    return ColumnType.TIMESTAMP;
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : Instant.EPOCH.plus(getLong(row), ChronoUnit.MICROS);
  }

  @Override
  public TimestampColumn take(int[] rows) {
    return (TimestampColumn) super.take(rows);
  }

  @Override
  public TimestampColumn renamed(String newName) {
    return (TimestampColumn) super.renamed(newName);
  }

  @Override
  public TimestampColumn append(Column other) {
    return (TimestampColumn) super.append(other);
  }
}
