package dev.kiln.data.io;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes frames to CSV, Parquet or JSON-lines files through DuckDB. The file is written beside
 * the target and moved into place, so readers never see half a file.
 */
public final class FrameWriter {
  private FrameWriter() {}

  /**
   * Writes a frame.
   *
   * @throws DataFormatException naming the file if it cannot be written
   */
  public static void write(Frame frame, Path file, FileFormat format) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
        load(connection.unwrap(DuckDBConnection.class), frame);
        try (Statement s = connection.createStatement()) {
          s.execute("COPY frame TO " + FrameReader.quote(tmp.toString()) + " (" + options(format)
              + ")");
        }
        AtomicFiles.move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (SQLException | IOException e) {
      throw new DataFormatException("Cannot write '" + file + "': " + e.getMessage(),
          "check that the folder is writable and has space", e);
    }
  }

  private static String options(FileFormat format) {
    return switch (format) {
      case CSV -> "FORMAT CSV, HEADER";
      case PARQUET -> "FORMAT PARQUET, COMPRESSION ZSTD";
      case JSONL -> "FORMAT JSON";
    };
  }

  /** Creates table {@code frame} in the connection and appends every row of the frame. */
  static void load(DuckDBConnection connection, Frame frame) throws SQLException {
    String ddl = frame.columns().stream().map(c -> "\"" + c.name().replace("\"", "\"\"") + "\" "
        + FrameReader.sqlType(c.type())).collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE frame (" + ddl + ")");
    }
    List<Column> columns = frame.columns();
    try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA,
        "frame")) {
      for (int i = 0; i < frame.rowCount(); i++) {
        appender.beginRow();
        for (Column c : columns) {
          append(appender, c, i);
        }
        appender.endRow();
      }
    }
  }

  private static void append(DuckDBAppender appender, Column c, int row) throws SQLException {
    if (c.isNull(row)) {
      appender.appendNull();
      return;
    }
    if (c instanceof DoubleColumn d) {
      appender.append(d.getDouble(row));
    } else if (c instanceof LongColumn l) {
      appender.append(l.getLong(row));
    } else if (c instanceof BooleanColumn b) {
      appender.append(b.getBoolean(row));
    } else if (c instanceof StringColumn s) {
      appender.append(s.getString(row));
    } else if (c instanceof TimestampColumn t) {
      long micros = t.getLong(row);
      appender.append(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC));
    }
  }
}
