package dev.kiln.quality.validation;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.expr.Expression;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses a text column to the type a schema declares, row by row: a file whose integer column
 * holds {@code eight} in one row is read as text, and only that row breaks the type rule. Each
 * distinct value is parsed once (text columns are dictionary-encoded).
 */
final class TextValues {
  /** A decimal number as CSV files write it (no Java suffixes such as {@code 1d}, no hex). */
  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:nan|inf|infinity)");

  private TextValues() {}

  /**
   * A column parsed to its declared type.
   *
   * @param column the typed column, null where the text did not parse
   * @param bad the rows holding text that is not a value of the type
   */
  record Parsed(Column column, BitSet bad) {}

  /** Returns whether a text column can be parsed to the type row by row. */
  static boolean parses(Column c, ColumnType declared) {
    return declared != null && c.type() == ColumnType.STRING && declared != ColumnType.STRING;
  }

  /** Parses every non-blank value of a text column to the declared type. */
  static Parsed parse(StringColumn c, ColumnType type) {
    int n = c.size();
    BitSet bad = new BitSet();
    BitSet nulls = new BitSet();
    switch (type) {
      case LONG -> {
        long[] v = new long[n];
        Object[] parsed = distinct(c, TextValues::parseLong);
        fill(c, parsed, bad, nulls, (i, x) -> v[i] = (Long) x);
        return new Parsed(new LongColumn(c.name(), v, nulls), bad);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        Object[] parsed = distinct(c, TextValues::parseDouble);
        fill(c, parsed, bad, nulls, (i, x) -> v[i] = (Double) x);
        return new Parsed(new DoubleColumn(c.name(), v, nulls), bad);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[n];
        Object[] parsed = distinct(c, TextValues::parseBoolean);
        fill(c, parsed, bad, nulls, (i, x) -> v[i] = (Boolean) x);
        return new Parsed(new BooleanColumn(c.name(), v, nulls), bad);
      }
      default -> {
        Column ts = Expression.parse("cast(\"" + c.name().replace("\"", "\"\"")
            + "\" as timestamp)").evaluate(Frame.of(c), c.name());
        for (int i = 0; i < n; i++) {
          if (ts.isNull(i) && !c.isNull(i) && !c.getString(i).isBlank()) {
            bad.set(i);
          }
        }
        return new Parsed(ts, bad);
      }
    }
  }

  /** A missing value (blank text), distinct from a value that does not parse. */
  private static final Object BLANK = new Object();
  /** A value that does not parse. */
  private static final Object BAD = new Object();

  private interface Parser {
    Object parse(String text);
  }

  private interface Sink {
    void set(int row, Object value);
  }

  /** Parses each dictionary value once: the value, {@link #BLANK} or {@link #BAD}. */
  private static Object[] distinct(StringColumn c, Parser parser) {
    Object[] out = new Object[c.dictionarySize()];
    for (int code = 0; code < out.length; code++) {
      String s = c.dictionaryValue(code).trim();
      if (s.isEmpty()) {
        out[code] = BLANK;
        continue;
      }
      try {
        out[code] = parser.parse(s);
      } catch (IllegalArgumentException | ArithmeticException e) {
        out[code] = BAD;
      }
    }
    return out;
  }

  private static void fill(StringColumn c, Object[] parsed, BitSet bad, BitSet nulls, Sink sink) {
    for (int i = 0; i < c.size(); i++) {
      int code = c.code(i);
      Object x = code == StringColumn.NULL_CODE ? BLANK : parsed[code];
      if (x == BLANK || x == BAD) {
        nulls.set(i);
        if (x == BAD) {
          bad.set(i);
        }
      } else {
        sink.set(i, x);
      }
    }
  }

  /** Parses an integer, also written with a zero fraction ({@code 8.0}) or an exponent. */
  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      if (!NUMBER.matcher(s).matches()) {
        throw e;
      }
      return new BigDecimal(s).longValueExact();
    }
  }

  private static Double parseDouble(String s) {
    if (!NUMBER.matcher(s).matches()) {
      throw new NumberFormatException(s);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.endsWith("nan")) {
      return Double.NaN;
    }
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(s);
  }

  private static Boolean parseBoolean(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException(s);
    };
  }
}
