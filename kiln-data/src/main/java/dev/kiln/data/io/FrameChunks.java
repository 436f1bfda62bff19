package dev.kiln.data.io;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.ResultSetFrames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Frames of at most N rows read one after another from a file, so a consumer can process data
 * larger than memory. Close it (try-with-resources) to release the reader.
 */
public final class FrameChunks implements Iterator<Frame>, AutoCloseable {
  private final Connection connection;
  private final ResultSet rs;
  private final int chunkRows;
  private final Path file;
  private Frame next;
  private boolean first = true;

  FrameChunks(Connection connection, ResultSet rs, int chunkRows, Path file) {
    this.connection = connection;
    this.rs = rs;
    this.chunkRows = chunkRows;
    this.file = file;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = ResultSetFrames.read(rs, chunkRows);
      } catch (SQLException e) {
        throw readError(file, e);
      }
      if (next != null && next.rowCount() == 0 && !first) {
        next = null;
      }
      first = false;
    }
    return next != null;
  }

  @Override
  public Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows in '" + file + "'");
    }
    Frame result = next;
    next = null;
    return result;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new DataFormatException("Cannot close reader of '" + file + "': " + e.getMessage(),
          null, e);
    }
  }

  static DataFormatException readError(Path file, SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String detail = message.lines().filter(l -> !l.isBlank()).limit(6)
        .reduce((a, b) -> a + "\n  " + b).orElse(message);
    return new DataFormatException("Cannot read '" + file + "':\n  " + detail,
        "fix the line named above, or declare the column types (catalog option 'schema')", e);
  }
}
