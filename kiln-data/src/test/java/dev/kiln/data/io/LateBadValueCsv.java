package dev.kiln.data.io;

import dev.kiln.data.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test CSV of 60,000 good rows followed by one whose {@code amount} is not a number: far beyond
 * the rows DuckDB sniffs, so the error can only show while the file streams.
 */
final class LateBadValueCsv {
  /** The error message that names the bad value. */
  static final String ERROR = "line 60002, column 'amount': 'oops' is not a valid long";
  /** Options that declare {@code amount} a long, so the bad value is a type error. */
  static final CsvOptions OPTIONS = new CsvOptions(",", true, Map.of("amount", ColumnType.LONG));

  private LateBadValueCsv() {}

  /** Writes the file as {@code late.csv} in {@code dir} and returns it. */
  static Path write(Path dir) throws IOException {
    Path file = dir.resolve("late.csv");
    StringBuilder text = new StringBuilder("id,amount\n");
    for (int i = 0; i < 60_000; i++) {
      text.append(i).append(',').append(i % 97).append('\n');
    }
    text.append("60000,oops\n");
    Files.writeString(file, text);
    return file;
  }
}
