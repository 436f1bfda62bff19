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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Collects frames of the same schema, chunk after chunk, in a temporary on-disk DuckDB database
 * (so memory stays bounded), then writes them as one file, atomically. Close it when done.
 */
public final class FrameSink implements AutoCloseable {
  private final Path target;
  private final FileFormat format;
  private final Path database;
  private final DuckDBConnection connection;
  private boolean created;

  /**
   * Opens a sink writing to a file of a format.
   *
   * @throws DataFormatException if the temporary database cannot be created
   */
  public FrameSink(Path target, FileFormat format) {
    this.target = target;
    this.format = format;
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      this.database = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".duckdb");
      this.connection = DriverManager.getConnection("jdbc:duckdb:" + database)
          .unwrap(DuckDBConnection.class);
    } catch (SQLException | IOException e) {
      throw error(e);
    }
  }

  /**
   * Appends a frame's rows.
   *
   * @throws DataFormatException if the rows cannot be stored
   */
  public void append(Frame frame) {
    try {
      if (!created) {
        createTable(frame);
        created = true;
      }
      try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA,
          "frame")) {
        for (int i = 0; i < frame.rowCount(); i++) {
          appender.beginRow();
          for (Column c : frame.columns()) {
            append(appender, c, i);
          }
          appender.endRow();
        }
      }
    } catch (SQLException e) {
      throw error(e);
    }
  }

  /**
   * Writes every appended row to the target file, replacing it atomically.
   *
   * @throws DataFormatException if the file cannot be written
   */
  public void finish() {
    Path tmp = target.toAbsolutePath().getParent()
        .resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
    try (Statement s = connection.createStatement()) {
      s.execute("COPY frame TO " + FrameReader.quote(tmp.toString()) + " (" + options() + ")");
      AtomicFiles.move(tmp, target);
    } catch (SQLException | IOException e) {
      throw error(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
      Files.deleteIfExists(database);
      Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    } catch (SQLException | IOException e) {
      throw error(e);
    }
  }

  private String options() {
    return switch (format) {
      case CSV -> "FORMAT CSV, HEADER";
      case PARQUET -> "FORMAT PARQUET, COMPRESSION ZSTD";
      case JSONL -> "FORMAT JSON";
    };
  }

  private void createTable(Frame frame) throws SQLException {
    String ddl = frame.columns().stream().map(c -> "\"" + c.name().replace("\"", "\"\"") + "\" "
        + FrameReader.sqlType(c.type())).collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE frame (" + ddl + ")");
    }
  }

  private static void append(DuckDBAppender appender, Column c, int row) throws SQLException {
    if (c.isNull(row)) {
      appender.appendNull();
    } else if (c instanceof DoubleColumn d) {
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

  private DataFormatException error(Exception e) {
    return new DataFormatException("Cannot write '" + target + "': " + e.getMessage(),
        "check that the folder is writable and has space", e);
  }
}
