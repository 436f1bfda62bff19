package dev.kiln.data;

import java.util.BitSet;

/**
 * What the primitive columns share: a name and a null mask (null when no value is missing).
 * Subclasses hold the primitive array.
 */
abstract sealed class MaskedColumn implements Column
    permits DoubleColumn, BooleanColumn, LongValuedColumn {
  private final String name;
  private final BitSet nulls;

  MaskedColumn(String name, BitSet nulls) {
    this.name = name;
    this.nulls = nulls == null || nulls.isEmpty() ? null : nulls;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isNull(int row) {
    return nulls != null && nulls.get(row);
  }

  @Override
  public final int nullCount() {
    return nulls == null ? 0 : nulls.cardinality();
  }

  /** Returns the null mask, or null if no value is missing. */
  final BitSet nulls() {
    return nulls;
  }

  /**
   * Writes rows {@code [from, to)} as floats into a row-major matrix at column {@code column} of
   * {@code stride} columns, NaN for missing values.
   */
  final void fillFloats(float[] out, int from, int to, int column, int stride) {
    fillValues(out, from, to, column, stride);
    if (nulls != null) {
      for (int i = nulls.nextSetBit(from); i >= 0 && i < to; i = nulls.nextSetBit(i + 1)) {
        out[i * stride + column] = Float.NaN;
      }
    }
  }

  /** Writes the raw values of rows {@code [from, to)} as floats, see {@link #fillFloats}. */
  abstract void fillValues(float[] out, int from, int to, int column, int stride);

  /** Returns the mask of the given rows, in that order. */
  final BitSet nullsAt(int[] rows) {
    return Column.takeNulls(nulls, rows);
  }

  /** Returns the mask of this column followed by {@code other}. */
  final BitSet nullsThen(MaskedColumn other) {
    return Column.appendNulls(nulls, size(), other.nulls);
  }
}
