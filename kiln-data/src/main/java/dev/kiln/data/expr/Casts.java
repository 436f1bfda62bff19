package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Conversions between column types, as {@code cast(x as type)} does them. A value that does not
 * convert (text that is not a number, a double out of long range) becomes null, as SQL's
 * {@code try_cast}; doubles convert to longs by truncation toward zero.
 */
final class Casts {
  private Casts() {}

  /** Returns whether {@code cast} supports this conversion. */
  static boolean allowed(ColumnType from, ColumnType to) {
    if (from == to || to == ColumnType.STRING || from == ColumnType.STRING) {
      return true;
    }
    return from != ColumnType.TIMESTAMP && to != ColumnType.TIMESTAMP;
  }

  /** Converts a non-null value. */
  static void apply(ColumnType from, ColumnType to, Scalar in, Scalar out) {
    if (in.isNull) {
      out.setNull();
      return;
    }
    switch (to) {
      case STRING -> out.setString(text(from, in));
      case DOUBLE -> out.setDouble(from == ColumnType.STRING ? parseDouble(in.s) : number(from, in));
      case LONG -> toLong(from, in, out);
      case BOOLEAN -> toBoolean(from, in, out);
      case TIMESTAMP -> {
        if (from == ColumnType.TIMESTAMP) {
          out.setLong(in.l);
          return;
        }
        try {
          out.setLong(Dates.parse(in.s));
        } catch (RuntimeException e) {
          out.setNull();
        }
      }
    }
  }

  private static double number(ColumnType from, Scalar in) {
    return switch (from) {
      case DOUBLE -> in.d;
      case BOOLEAN -> in.b ? 1 : 0;
      default -> in.l;
    };
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static void toLong(ColumnType from, Scalar in, Scalar out) {
    double d;
    if (from == ColumnType.STRING) {
      try {
        out.setLong(Long.parseLong(in.s.trim()));
        return;
      } catch (NumberFormatException e) {
        d = parseDouble(in.s);
      }
    } else if (from == ColumnType.LONG) {
      out.setLong(in.l);
      return;
    } else {
      d = number(from, in);
    }
    if (Double.isNaN(d) || Math.abs(d) >= 0x1p63) {
      out.setNull();
    } else {
      out.setLong((long) d);
    }
  }

  private static void toBoolean(ColumnType from, Scalar in, Scalar out) {
    if (from != ColumnType.STRING) {
      out.setBoolean(number(from, in) != 0);
      return;
    }
    switch (in.s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> out.setBoolean(true);
      case "false", "f", "no", "n", "0" -> out.setBoolean(false);
      default -> out.setNull();
    }
  }

  /** Returns a non-null value as text: {@code 1.5}, {@code 2.0}, {@code 7}, {@code true}, ISO time. */
  static String text(ColumnType type, Scalar v) {
    return switch (type) {
      case STRING -> v.s;
      case LONG -> Long.toString(v.l);
      case BOOLEAN -> Boolean.toString(v.b);
      case TIMESTAMP -> Dates.format(v.l);
      case DOUBLE -> doubleText(v.d);
    };
  }

  private static String doubleText(double d) {
    double abs = Math.abs(d);
    if (Double.isInfinite(d) || abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
      return Double.toString(d);
    }
    String plain = BigDecimal.valueOf(d).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
