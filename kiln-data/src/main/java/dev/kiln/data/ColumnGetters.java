package dev.kiln.data;

import java.util.Locale;

/** The error of a typed getter called on a column of another type. */
final class ColumnGetters {
  private ColumnGetters() {}

  /** Returns the error for {@code getter}, which reads {@code wanted} values, on a column. */
  static DataFormatException wrongType(Column column, String getter, String wanted) {
    return new DataFormatException("Column '" + column.name() + "' holds " + holds(column)
        + " values; " + getter + " reads " + wanted + " values only.",
        "read it with " + getterOf(column));
  }

  private static String holds(Column column) {
    return column instanceof TimestampColumn t
        ? t.kind().name().toLowerCase(Locale.ROOT).replace("local", "local date-time")
        : column.type().lowerName();
  }

  private static String getterOf(Column column) {
    if (column instanceof TimestampColumn t) {
      return switch (t.kind()) {
        case DATE -> "getDate or getDateTime";
        case LOCAL -> "getDateTime (then toInstant(ZoneOffset.UTC) if the values are UTC)";
        case INSTANT -> "getInstant (then atZone(zone) for the local time in a zone)";
      };
    }
    return switch (column.type()) {
      case DOUBLE -> "getDouble";
      case LONG -> "getLong (or getDouble)";
      case STRING -> "getString";
      case BOOLEAN -> "getBoolean";
      case TIMESTAMP -> "getLong (epoch microseconds)";
    };
  }
}
