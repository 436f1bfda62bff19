package dev.kiln.data.io;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.internal.ArrowCopy;
import dev.kiln.data.internal.DuckDb;
import dev.kiln.data.internal.FrameQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Writes frames of one schema, chunk after chunk, as one file: DuckDB's {@code COPY} pulls the
 * chunks as an Arrow stream while they are appended (memory holds a few chunks at most), into a
 * temporary file moved over the target by {@link #finish()}, so readers never see half a file.
 * Close it when done; closing an unfinished sink deletes the partial output.
 */
public final class FrameSink implements AutoCloseable {
  /** Distinct values per Parquet row group and column beyond which dictionaries are dropped. */
  static final int DICTIONARY_LIMIT = 1024;
  private final Path target;
  private final FileFormat format;
  private final Path tmp;
  private final FrameQueue queue = new FrameQueue();
  private ExecutorService writer;
  private Future<?> copy;
  private List<String> columns;
  private boolean finished;

  /**
   * Opens a sink writing to a file of a format.
   *
   * @throws KilnException if the target's folder cannot be created
   */
  public FrameSink(Path target, FileFormat format) {
    this.target = target;
    this.format = format;
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw error(e);
    }
    this.tmp = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
  }

  /**
   * Appends a frame's rows.
   *
   * @throws DataFormatException if its columns differ from the first frame's
   * @throws KilnException if writing failed (e.g. the disk is full)
   */
  public void append(Frame frame) {
    if (copy == null) {
      columns = frame.columnNames();
      writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "kiln-write-" + target
          .getFileName()));
      copy = writer.submit(() -> {
        try (DuckDBConnection c = DuckDb.open()) {
          ArrowCopy.copy(c, frame, queue, new ArrowCopy.CopySpec(projection(frame),
              FrameReader.quote(tmp.toString()), options(frame)));
        }
        return null;
      });
      return;
    }
    if (!frame.columnNames().equals(columns)) {
      throw new DataFormatException("Cannot append a frame with columns " + frame.columnNames()
          + " to '" + target + "', whose columns are " + columns + ".",
          "select the same columns, in the same order, for every chunk");
    }
    try {
      if (!queue.put(frame, copy)) {
        throw failure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error(e);
    }
  }

  /**
   * Writes every appended row to the target file, replacing it atomically.
   *
   * @throws DataFormatException if nothing was appended
   * @throws KilnException if the file cannot be written
   */
  public void finish() {
    if (copy == null) {
      throw new DataFormatException("Nothing was written to '" + target + "'.",
          "append at least one frame (it may have no rows) before finishing");
    }
    try {
      if (!queue.end(copy)) {
        throw failure();
      }
      copy.get();
      AtomicFiles.move(tmp, target);
      finished = true;
    } catch (ExecutionException e) {
      throw failure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error(e);
    } catch (IOException e) {
      throw error(e);
    }
  }

  @Override
  public void close() {
    if (copy == null) {
      return;
    }
    try {
      if (!finished && !copy.isDone()) {
        queue.abort(copy);
      }
      copy.get();
    } catch (ExecutionException e) {
      // the partial output is deleted below; the caller already has the error that got it here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writer.shutdownNow();
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        throw error(e);
      }
    }
  }

  private KilnException failure() {
    try {
      copy.get();
      return error(new IllegalStateException("the writer stopped early"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause instanceof KilnException k ? k : error(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(e);
    }
  }

  /**
   * Returns the select list: every column, with JSON's local date-times printed with all six
   * fractional digits so a reader detects them as timestamps again.
   */
  private String projection(Frame frame) {
    if (format != FileFormat.JSON && format != FileFormat.JSONL) {
      return "*";
    }
    return frame.columns().stream().map(c -> {
      String id = "\"" + c.name().replace("\"", "\"\"") + "\"";
      return c instanceof TimestampColumn t && t.kind() == TimestampColumn.Kind.LOCAL
          ? "strftime(" + id + ", '%Y-%m-%d %H:%M:%S.%f') AS " + id : id;
    }).collect(Collectors.joining(", "));
  }

  private String options(Frame first) {
    boolean gz = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    String compression = gz ? ", COMPRESSION gzip" : "";
    return switch (format) {
      case CSV -> "FORMAT CSV, HEADER" + compression;
      // zstd level 1: the default level (3) took twice the CPU time of the whole COPY for files
      // ~15% smaller (3M rows x 32 doubles: 9.0 s against 4.2 s; docs/benchmarks.md)
      case PARQUET -> "FORMAT PARQUET, COMPRESSION ZSTD, COMPRESSION_LEVEL 1"
          + dictionaryLimit(first);
      case JSON -> "FORMAT JSON, ARRAY true" + compression;
      case JSONL -> "FORMAT JSON" + compression;
    };
  }

  /**
   * Returns the limit on Parquet dictionaries: DuckDB tries dictionary encoding on every column
   * until a row group holds a fifth of its rows as distinct values (24,576), a hash per value
   * that columns of distinct doubles pay for nothing (a quarter of the CPU of writing the fraud
   * frame; docs/benchmarks.md). Giving up at {@value #DICTIONARY_LIMIT} values keeps columns of
   * few values dictionary-encoded; a text column of more distinct values in the first frame keeps
   * DuckDB's default, as dictionary pages make such columns smaller and faster to read.
   */
  private static String dictionaryLimit(Frame first) {
    boolean manyTexts = first.columns().stream().anyMatch(c -> c instanceof StringColumn s
        && s.dictionarySize() > DICTIONARY_LIMIT);
    return manyTexts ? "" : ", DICTIONARY_SIZE_LIMIT " + DICTIONARY_LIMIT;
  }

  /**
   * A failure to write is the environment's (a full disk, a read-only folder), not bad input:
   * a run that fails on it exits 1 and can be resumed once there is space.
   */
  private KilnException error(Throwable e) {
    String message = e instanceof SQLException || e.getMessage() != null ? e.getMessage()
        : e.toString();
    return new KilnException("Cannot write '" + target + "': " + message,
        "check that the folder is writable and has space", e);
  }
}
