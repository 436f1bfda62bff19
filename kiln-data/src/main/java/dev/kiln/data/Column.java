package dev.kiln.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;

/**
 * One immutable, typed column of a {@link Frame}, backed by a primitive array and a null mask.
 * Implementations never box values on their storage path.
 */
public sealed interface Column
    permits MaskedColumn, StringColumn {

  /** Returns the column name. */
  String name();

  /** Returns the column type. */
  ColumnType type();

  /** Returns the number of values. */
  int size();

  /** Returns whether the value at a row is missing. */
  boolean isNull(int row);

  /** Returns the number of missing values. */
  int nullCount();

  /**
   * Returns the value at a row as a double: numbers as they are, booleans as 0/1, timestamps as
   * epoch microseconds; NaN when missing.
   *
   * @throws DataFormatException for string columns
   */
  double getDouble(int row);

  /**
   * Returns the value at a row as a long: integers and timestamps (epoch microseconds) as they
   * are, doubles truncated toward zero, booleans as 0/1. Undefined for a missing value: check
   * {@link #isNull} first.
   *
   * @throws DataFormatException for string columns
   */
  long getLong(int row);

  /** Returns the value at a row as text (strings as they are, others formatted), or null. */
  default String getString(int row) {
    Object value = get(row);
    return value == null ? null : value.toString();
  }

  /**
   * Returns the value at a row of a boolean column. Undefined for a missing value: check
   * {@link #isNull} first.
   *
   * @throws DataFormatException unless this is a boolean column
   */
  default boolean getBoolean(int row) {
    throw ColumnGetters.wrongType(this, "getBoolean", "boolean");
  }

  /**
   * Returns the value at a row of a date column ({@link TimestampColumn.Kind#DATE}), or null if
   * missing.
   *
   * @throws DataFormatException unless this is a date column
   */
  default LocalDate getDate(int row) {
    throw ColumnGetters.wrongType(this, "getDate", "date");
  }

  /**
   * Returns the value at a row of a column of local date-times, or of dates (at midnight), or
   * null if missing; a date-time without a zone never moves with the JVM's time zone.
   *
   * @throws DataFormatException unless this is a column of local date-times or dates
   */
  default LocalDateTime getDateTime(int row) {
    throw ColumnGetters.wrongType(this, "getDateTime", "local date-time");
  }

  /**
   * Returns the value at a row of a column of instants ({@link TimestampColumn.Kind#INSTANT}), or
   * null if missing.
   *
   * @throws DataFormatException unless this is a column of instants
   */
  default Instant getInstant(int row) {
    throw ColumnGetters.wrongType(this, "getInstant", "instant");
  }

  /** Returns the value at a row boxed, or null if missing; for printing and conversion. */
  Object get(int row);

  /** Returns a column with the given rows, in that order (rows may repeat). */
  Column take(int[] rows);

  /** Returns this column under another name. */
  Column renamed(String name);

  /**
   * Returns this column followed by another of the same type.
   *
   * @throws DataFormatException if the types differ
   */
  Column append(Column other);

  /** Returns the values as doubles (see {@link #getDouble}), NaN for missing. */
  default double[] toDoubleArray() {
    double[] result = new double[size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = getDouble(i);
    }
    return result;
  }

  /** Returns the rows of a null mask taken at the given rows, or null if none is missing. */
  static BitSet takeNulls(BitSet nulls, int[] rows) {
    if (nulls == null || nulls.isEmpty()) {
      return null;
    }
    BitSet result = new BitSet(rows.length);
    for (int i = 0; i < rows.length; i++) {
      if (nulls.get(rows[i])) {
        result.set(i);
      }
    }
    return result;
  }

  /** Returns the null mask of two appended columns, or null if none is missing. */
  static BitSet appendNulls(BitSet first, int firstSize, BitSet second) {
    if ((first == null || first.isEmpty()) && (second == null || second.isEmpty())) {
      return null;
    }
    BitSet result = first == null ? new BitSet() : (BitSet) first.clone();
    if (second != null) {
      second.stream().forEach(i -> result.set(firstSize + i));
    }
    return result;
  }

  /** Checks that another column can be appended to this one. */
  static void requireSameType(Column a, Column b) {
    if (a.type() != b.type()) {
      throw new DataFormatException("Cannot append column '" + b.name() + "' of type " + b.type()
          + " to column '" + a.name() + "' of type " + a.type() + ".",
          "cast one of them so both frames have the same schema");
    }
  }
}
