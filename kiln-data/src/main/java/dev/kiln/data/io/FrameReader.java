package dev.kiln.data.io;

import dev.kiln.core.progress.Progress;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.ArrowFrames;
import dev.kiln.data.internal.DuckDb;
import dev.kiln.data.internal.ReadErrors;
import dev.kiln.data.internal.ResultSetFrames;
import dev.kiln.data.internal.StrayText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * Reads frames from CSV, Parquet, JSON and JSON-lines files with DuckDB (type inference, quoting,
 * compressed files), whole or in chunks of rows for files larger than memory. Data crosses from
 * DuckDB in Arrow record batches, copied column by column into primitive arrays.
 */
public final class FrameReader {
  private FrameReader() {}

  /**
   * Reads a whole CSV file.
   *
   * @throws DataFormatException naming the file and, for malformed content, the line and column
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
   * Reads a whole JSON file holding an array of records.
   *
   * @throws DataFormatException naming the file, the format tried and how to choose the other
   */
  public static Frame json(Path file) {
    return read(file, FileFormat.JSON, CsvOptions.defaults());
  }

  /**
   * Reads a whole JSON-lines file (one object per line).
   *
   * @throws DataFormatException naming the file, the format tried and how to choose the other
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
    try (Progress rows = Progress.start("read " + file.getFileName(), 0, "rows");
        FrameChunks chunks = chunks(file, format, options, -1)) {
      chunks.onBatch(rows::step);
      Frame frame = chunks.next();
      if (format != FileFormat.PARQUET) {
        StrayText.warn(file, frame, options.types().keySet());
      }
      return frame;
    }
  }

  /**
   * Opens a file for reading in chunks of {@code chunkRows} rows (all rows at once if not
   * positive); close the result when done.
   *
   * @throws DataFormatException naming the file and the problem
   */
  public static FrameChunks chunks(Path file, FileFormat format, CsvOptions options,
      int chunkRows) {
    ReadErrors errors = new ReadErrors(file, format, options.delimiter());
    if (!Files.isRegularFile(file)) {
      throw new DataFormatException("Data file '" + file + "' does not exist.",
          "check the path (relative paths are resolved against the project folder)");
    }
    if (isEmpty(file)) {
      throw errors.empty();
    }
    if (format == FileFormat.JSONL && firstCharacter(file) == '[') {
      throw errors.translate(new IOException("the file starts with '[', as a JSON array does"));
    }
    try {
      DuckDBConnection connection = DuckDb.open();
      try {
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + source(file, format, options));
        ArrowFrames frames = ArrowFrames.open(rs.unwrap(DuckDBResultSet.class), chunkRows);
        return new FrameChunks(connection, frames, errors::translate);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw errors.translate(e);
    }
  }

  private static int firstCharacter(Path file) {
    try (var in = Files.newInputStream(file)) {
      int c = in.read();
      while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB
          || c == 0xBF) {
        c = in.read();
      }
      return c;
    } catch (IOException e) {
      return -1;
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the DuckDB table function reading a file in a format. */
  static String source(Path file, FileFormat format, CsvOptions options) {
    String path = quote(file.toString());
    return switch (format) {
      case CSV -> "read_csv(" + path + ", skip=0, header=" + options.header() + ", delim="
          + quote(options.delimiter()) + ", quote='\"', strict_mode=true"
          + (options.types().isEmpty() ? "" : ", types=" + typesLiteral(options.types())) + ")";
      case PARQUET -> "read_parquet(" + path + ")";
      case JSON -> "read_json(" + path + ", format='array')";
      case JSONL -> "read_json(" + path + ", format='newline_delimited')";
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

  /**
   * Reads the result of a query against an open JDBC connection (through Arrow when it is a
   * DuckDB connection, else column by column from the rows).
   *
   * @throws SQLException as the driver reports it
   */
  public static Frame query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      if (!rs.isWrapperFor(DuckDBResultSet.class)) {
        return ResultSetFrames.read(rs, -1);
      }
      try (ArrowFrames frames = ArrowFrames.open(rs.unwrap(DuckDBResultSet.class), -1)) {
        return frames.next();
      } catch (IOException e) {
        throw new SQLException(e.getMessage(), e);
      }
    }
  }
}
