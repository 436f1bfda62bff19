package dev.kiln.data.io;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.ArrowFrames;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Frames of at most N rows read one after another from a file, so a consumer can process data
 * larger than memory: only one chunk is on the heap at a time, and DuckDB streams the file. Close
 * it (try-with-resources) to release the reader.
 */
public final class FrameChunks implements Iterator<Frame>, AutoCloseable {
  private final Connection connection;
  private final ArrowFrames frames;
  private final Function<Exception, DataFormatException> errors;
  private Frame next;
  private boolean done;
  private boolean closed;

  FrameChunks(Connection connection, ArrowFrames frames,
      Function<Exception, DataFormatException> errors) {
    this.connection = connection;
    this.frames = frames;
    this.errors = errors;
  }

  /** Tells the consumer the rows of each batch read, as it is read (for progress). */
  void onBatch(LongConsumer consumer) {
    frames.onBatch(consumer);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = frames.next();
      } catch (IOException | RuntimeException e) {
        close();
        throw e instanceof DataFormatException d ? d : errors.apply(e);
      }
      done = next == null;
    }
    return next != null;
  }

  @Override
  public Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    Frame result = next;
    next = null;
    return result;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      frames.close();
      connection.close();
    } catch (SQLException e) {
      throw new DataFormatException("Cannot close a reader: " + e.getMessage(), null, e);
    }
  }

  static DataFormatException readError(Path file, Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String detail = message.lines().filter(l -> !l.isBlank()).limit(6)
        .reduce((a, b) -> a + "\n  " + b).orElse(message);
    return new DataFormatException("Cannot read '" + file + "':\n  " + detail,
        "fix the line named above, or declare the column types (catalog option 'schema')", e);
  }
}
