package dev.kiln.data.ops;

import dev.kiln.data.DataFormatException;
import java.util.Locale;

/**
 * One aggregate of a group-by: a function of a column (or of the rows, for {@link #count()}) and
 * the name of its output column ({@code column_function} unless renamed with {@link #as}).
 *
 * @param function what to compute
 * @param column the input column, or null for the row count
 * @param alias the output name, or null for the default
 */
public record Aggregation(Function function, String column, String alias) {
  /** The aggregate functions; missing values (and NaN) are skipped by all but COUNT(). */
  public enum Function {
    /** Rows in the group ({@code count()}), or non-missing values of a column. */
    COUNT,
    /** Sum of numbers (booleans count the trues); 0 when all are missing, as pandas. */
    SUM,
    /** Arithmetic mean. */
    MEAN,
    /** Smallest value (numbers, text, timestamps, booleans). */
    MIN,
    /** Largest value. */
    MAX,
    /** Sample standard deviation (n - 1 in the denominator, as pandas); null below 2 values. */
    STD,
    /** Number of distinct non-missing values. */
    NUNIQUE,
    /** Value of the group's first row (possibly missing), as Polars and DuckDB. */
    FIRST,
    /** Value of the group's last row (possibly missing). */
    LAST
  }

  /**
   * Checks that the function has a column (all but the row count do).
   *
   * @throws DataFormatException if the column is missing
   */
  public Aggregation {
    if (function == null || column == null && function != Function.COUNT) {
      throw new DataFormatException("Aggregation " + function + " needs a column.",
          "write e.g. Aggregation.sum(\"amount\")");
    }
  }

  /** Counts the rows of each group (pandas' {@code size()}, SQL's {@code count(*)}). */
  public static Aggregation count() {
    return new Aggregation(Function.COUNT, null, null);
  }

  /** Counts the non-missing values of a column. */
  public static Aggregation count(String column) {
    return new Aggregation(Function.COUNT, column, null);
  }

  /** Sums a numeric column. */
  public static Aggregation sum(String column) {
    return new Aggregation(Function.SUM, column, null);
  }

  /** Averages a numeric column. */
  public static Aggregation mean(String column) {
    return new Aggregation(Function.MEAN, column, null);
  }

  /** Takes the smallest value of a column. */
  public static Aggregation min(String column) {
    return new Aggregation(Function.MIN, column, null);
  }

  /** Takes the largest value of a column. */
  public static Aggregation max(String column) {
    return new Aggregation(Function.MAX, column, null);
  }

  /** Computes the sample standard deviation of a numeric column. */
  public static Aggregation std(String column) {
    return new Aggregation(Function.STD, column, null);
  }

  /** Counts the distinct non-missing values of a column. */
  public static Aggregation nunique(String column) {
    return new Aggregation(Function.NUNIQUE, column, null);
  }

  /** Takes the value of each group's first row. */
  public static Aggregation first(String column) {
    return new Aggregation(Function.FIRST, column, null);
  }

  /** Takes the value of each group's last row. */
  public static Aggregation last(String column) {
    return new Aggregation(Function.LAST, column, null);
  }

  /** Returns this aggregate with another output name. */
  public Aggregation as(String name) {
    return new Aggregation(function, column, name);
  }

  /** Returns the output column name: the alias, {@code count}, or {@code column_function}. */
  public String outputName() {
    if (alias != null) {
      return alias;
    }
    return column == null ? "count" : column + "_" + function.name().toLowerCase(Locale.ROOT);
  }
}
