package dev.kiln.data.io;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.CsvDiagnosis;
import dev.kiln.data.internal.ResultSetFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads frames from CSV, Parquet and JSON-lines files with DuckDB (type inference, quoting,
 * compressed files), whole or in chunks of rows for files larger than memory.
 */
public final class FrameReader {
  private FrameReader() {}

  /**
   * Reads a whole CSV file.
   *
   * @throws DataFormatException naming the file and, for malformed content, the line
   */
  public static Frame csv(Path file, CsvOptions options) {
    return read(file, FileFormat.CSV, options);
  }

  /**
   * Reads a whole Parquet file.
   *
   * @throws DataFormatException naming the file if it is missing or not Parquet
   */
  public static Frame parquet(Path file) {
    return read(file, FileFormat.PARQUET, CsvOptions.defaults());
  }

  /**
   * Reads a whole JSON-lines file.
   *
   * @throws DataFormatException naming the file and the problem
   */
  public static Frame jsonl(Path file) {
    return read(file, FileFormat.JSONL, CsvOptions.defaults());
  }

  /**
   * Reads a whole file of the given format.
   *
   * @throws DataFormatException naming the file and the problem
   */
  public static Frame read(Path file, FileFormat format, CsvOptions options) {
    try (FrameChunks chunks = chunks(file, format, options, -1)) {
      return chunks.next();
    }
  }

  /**
   * Opens a file for reading in chunks of {@code chunkRows} rows (all rows at once if negative);
   * close the result when done.
   *
   * @throws DataFormatException naming the file and the problem
   */
  public static FrameChunks chunks(Path file, FileFormat format, CsvOptions options,
      int chunkRows) {
    if (!Files.isRegularFile(file)) {
      throw new DataFormatException("Data file '" + file + "' does not exist.",
          "check the path (relative paths are resolved against the project folder)");
    }
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try {
        PreparedStatement statement = connection.prepareStatement(
            "SELECT * FROM " + source(format, options));
        statement.setString(1, file.toString());
        ResultSet rs = statement.executeQuery();
        return new FrameChunks(connection, rs, chunkRows, file);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw format == FileFormat.CSV ? csvError(file, options, e) : FrameChunks.readError(file, e);
    }
  }

  /** Names the first malformed line when there is one, else passes DuckDB's message on. */
  private static DataFormatException csvError(Path file, CsvOptions options, SQLException e) {
    return CsvDiagnosis.firstBadLine(file, options.delimiter())
        .map(bad -> new DataFormatException("Cannot read '" + file + "': " + bad + ".",
            "fix that line (a missing or extra delimiter, or an unclosed quote)", e))
        .orElseGet(() -> FrameChunks.readError(file, e));
  }

  private static String source(FileFormat format, CsvOptions options) {
    return switch (format) {
      case CSV -> "read_csv(?, skip=0, header=" + options.header() + ", delim="
          + quote(options.delimiter())
          + (options.types().isEmpty() ? "" : ", types=" + typesLiteral(options.types())) + ")";
      case PARQUET -> "read_parquet(?)";
      case JSONL -> "read_json(?, format='newline_delimited')";
    };
  }

  private static String typesLiteral(Map<String, ColumnType> types) {
    return types.entrySet().stream().map(e -> quote(e.getKey()) + ": " + quote(sqlType(e.getValue())))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String sqlType(ColumnType type) {
    return switch (type) {
      case DOUBLE -> "DOUBLE";
      case LONG -> "BIGINT";
      case STRING -> "VARCHAR";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  static String quote(String literal) {
    return "'" + literal.replace("'", "''") + "'";
  }

  /** Reads the result of a query against an open JDBC connection. */
  public static Frame query(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return ResultSetFrames.read(rs, -1);
    }
  }
}
