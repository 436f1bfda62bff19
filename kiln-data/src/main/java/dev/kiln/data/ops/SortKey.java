package dev.kiln.data.ops;

import dev.kiln.data.DataFormatException;

/**
 * One sort key: a column, its direction and where its missing values go (last by default, as
 * pandas' {@code na_position='last'}, whatever the direction).
 *
 * @param column the column name
 * @param descending largest first
 * @param nullsLast missing values (and NaN) after the others (the default)
 */
public record SortKey(String column, boolean descending, boolean nullsLast) {
  /**
   * Checks the column name.
   *
   * @throws DataFormatException if it is null
   */
  public SortKey {
    if (column == null) {
      throw new DataFormatException("A sort key needs a column.", "write SortKey.asc(\"price\")");
    }
  }

  /** Sorts by a column, smallest first, missing values last. */
  public static SortKey asc(String column) {
    return new SortKey(column, false, true);
  }

  /** Sorts by a column, largest first, missing values last. */
  public static SortKey desc(String column) {
    return new SortKey(column, true, true);
  }

  /** Returns this key with missing values first. */
  public SortKey nullsFirst() {
    return new SortKey(column, descending, false);
  }
}
