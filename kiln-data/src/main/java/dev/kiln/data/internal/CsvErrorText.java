package dev.kiln.data.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a DuckDB CSV error message: the line, the column, the bad value and the type it
 * did not fit (each null when the message does not say).
 *
 * @param line the 1-based line number in the file
 * @param column the column name
 * @param value the first value that did not convert
 * @param type the type, in Kiln's words ({@code long}, {@code double}, ...)
 * @param reason DuckDB's own first line, for errors without a value
 */
record CsvErrorText(String line, String column, String value, String type, String reason) {
  private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern COLUMN = Pattern.compile("converting column \"(.*?)\"\\.");
  private static final Pattern VALUE =
      Pattern.compile("Could not convert string \"(.*?)\" to '(\\w+)'");

  /** Parses DuckDB's message. */
  static CsvErrorText parse(String message) {
    String line = group(LINE.matcher(message), 1);
    Matcher v = VALUE.matcher(message);
    boolean found = v.find();
    String reason = message.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("Original"))
        .findFirst().orElse(message.lines().findFirst().orElse(message)).trim();
    return new CsvErrorText(line, group(COLUMN.matcher(message), 1), found ? v.group(1) : null,
        found ? kilnType(v.group(2)) : null, reason);
  }

  private static String group(Matcher m, int group) {
    return m.find() ? m.group(group) : null;
  }

  private static String kilnType(String duckdbType) {
    return switch (duckdbType.toUpperCase(Locale.ROOT)) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT" -> "long (integer)";
      case "DOUBLE", "FLOAT", "DECIMAL" -> "double (number)";
      case "BOOLEAN" -> "boolean (true/false)";
      case "TIMESTAMP", "DATE", "TIMESTAMP WITH TIME ZONE" -> "timestamp";
      default -> duckdbType.toLowerCase(Locale.ROOT);
    };
  }
}
