package dev.kiln.data.internal;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.io.FileFormat;
import java.nio.file.Path;

/**
 * Turns DuckDB's errors while reading a file into one message that names the file, the line and
 * column and the first bad value when DuckDB gives them, and the fix.
 */
public final class ReadErrors {
  private static final String SCHEMA_HINT = "fix the value, declare the column's type with the"
      + " catalog entry's 'schema:' option, or run 'kiln validate' on the file to quarantine bad"
      + " rows";
  private final Path file;
  private final FileFormat format;
  private final String delimiter;

  /** Creates the translator for one file read in a format. */
  public ReadErrors(Path file, FileFormat format, String delimiter) {
    this.file = file;
    this.format = format;
    this.delimiter = delimiter;
  }

  /** Returns the error for an empty file. */
  public DataFormatException empty() {
    return new DataFormatException("Cannot read '" + file + "': the file is empty (0 bytes).",
        "write a header line at least, or check the step that produced it");
  }

  /** Returns the user-facing error for a failure DuckDB reported. */
  public DataFormatException translate(Exception e) {
    if (e instanceof DataFormatException d) {
      return d;
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return switch (format) {
      case CSV -> CsvDiagnosis.firstBadLine(file, delimiter)
          .map(bad -> new DataFormatException("Cannot read '" + file + "': " + bad + ".",
              "fix that line (a missing or extra delimiter, or an unclosed quote)", e))
          .orElseGet(() -> csv(message, e));
      case JSON -> new DataFormatException("Cannot read '" + file + "' as a JSON array of"
          + " records: " + firstLines(message), "if the file holds one JSON object per line,"
          + " name it .jsonl or .ndjson, or use catalog type 'jsonl' (FileFormat.JSONL)", e);
      case JSONL -> new DataFormatException("Cannot read '" + file + "' as JSON lines (one"
          + " object per line): " + firstLines(message), "if the file holds one JSON array of"
          + " records, name it .json or use catalog type 'json_records' (FileFormat.JSON)", e);
      case PARQUET -> new DataFormatException("Cannot read '" + file + "' as Parquet: "
          + firstLines(message), "check that the file is a complete Parquet file", e);
    };
  }

  private DataFormatException csv(String message, Exception e) {
    CsvErrorText parsed = CsvErrorText.parse(message);
    if (parsed.line() != null && parsed.column() != null && parsed.value() != null) {
      return new DataFormatException("Cannot read '" + file + "': line " + parsed.line()
          + ", column '" + parsed.column() + "': '" + parsed.value() + "' is not a valid "
          + parsed.type() + ".", SCHEMA_HINT, e);
    }
    if (parsed.line() != null) {
      return new DataFormatException("Cannot read '" + file + "': line " + parsed.line() + ": "
          + parsed.reason() + ".", "fix that line (a missing or extra delimiter, or an unclosed"
          + " quote)", e);
    }
    return new DataFormatException("Cannot read '" + file + "' as CSV: " + firstLines(message),
        SCHEMA_HINT, e);
  }

  private static String firstLines(String message) {
    return message.lines().filter(l -> !l.isBlank()).limit(4)
        .reduce((a, b) -> a + "\n  " + b).orElse(message);
  }
}
