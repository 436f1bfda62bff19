package dev.kiln.data.internal;

import dev.kiln.data.Frame;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBResultSet;

/**
 * Reads a DuckDB result into frames through DuckDB's Arrow export: record batches cross from
 * DuckDB to Java through the Arrow C data interface and are copied buffer by buffer into
 * primitive columns, never value by value through JDBC; a whole result is decoded on a second
 * thread while DuckDB produces the next batch ({@link BatchDecoder}). Close it to release the
 * result.
 */
public final class ArrowFrames implements AutoCloseable {
  /** Rows per Arrow batch when a whole result is read. */
  private static final int BATCH_ROWS = 1 << 17;

  private final BufferAllocator allocator;
  private final ArrowReader reader;
  private final int chunkRows;
  private LongConsumer rowsRead = rows -> { };
  private boolean done;
  private boolean first = true;

  private ArrowFrames(BufferAllocator allocator, ArrowReader reader, int chunkRows) {
    this.allocator = allocator;
    this.reader = reader;
    this.chunkRows = chunkRows;
  }

  /**
   * Starts reading a result in frames of at most {@code chunkRows} rows (all rows in one frame if
   * not positive).
   */
  public static ArrowFrames open(DuckDBResultSet rs, int chunkRows) throws SQLException {
    BufferAllocator allocator = DuckDb.allocator();
    try {
      ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator,
          chunkRows > 0 ? chunkRows : BATCH_ROWS);
      return new ArrowFrames(allocator, reader, chunkRows);
    } catch (SQLException | RuntimeException e) {
      allocator.close();
      throw e;
    }
  }

  /** Tells the consumer the rows of each batch as it arrives (a whole read is many batches). */
  public void onBatch(LongConsumer consumer) {
    rowsRead = consumer;
  }

  /**
   * Returns the next frame, or null when no rows are left (the first call returns a frame even
   * for an empty result, with its columns).
   *
   * @throws IOException with DuckDB's message when the query fails while it streams
   */
  public Frame next() throws IOException {
    if (done) {
      return null;
    }
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    List<ArrowColumnBuilder> builders = new ArrayList<>();
    for (Field f : root.getSchema().getFields()) {
      builders.add(ArrowColumnBuilder.of(f));
    }
    int rows = chunkRows > 0 ? nextBatch(root, builders) : wholeResult(root, builders);
    if (rows == 0 && !first) {
      return null;
    }
    first = false;
    return Frame.of(builders.stream().map(ArrowColumnBuilder::build).toList());
  }

  /** Reads one batch into the builders on this thread; returns its rows (0 at the end). */
  private int nextBatch(VectorSchemaRoot root, List<ArrowColumnBuilder> builders)
      throws IOException {
    if (!reader.loadNextBatch()) {
      done = true;
      return 0;
    }
    List<FieldVector> vectors = root.getFieldVectors();
    for (int j = 0; j < builders.size(); j++) {
      builders.get(j).add(vectors.get(j));
    }
    rowsRead.accept(root.getRowCount());
    return root.getRowCount();
  }

  /** Reads every batch, decoding each on another thread while DuckDB produces the next. */
  private int wholeResult(VectorSchemaRoot root, List<ArrowColumnBuilder> builders)
      throws IOException {
    int rows = 0;
    try (BatchDecoder decoder = new BatchDecoder(builders, allocator)) {
      while (reader.loadNextBatch()) {
        int n = root.getRowCount();
        decoder.add(root);
        rows += n;
        rowsRead.accept(n);
      }
      decoder.finish();
    }
    done = true;
    return rows;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new IllegalStateException("closing an Arrow stream: " + e.getMessage(), e);
    } finally {
      allocator.close();
    }
  }
}
