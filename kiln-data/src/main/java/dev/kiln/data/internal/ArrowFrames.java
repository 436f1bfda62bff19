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
 * primitive columns, never value by value through JDBC. Close it to release the result.
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
    int rows = 0;
    do {
      if (!reader.loadNextBatch()) {
        done = true;
        break;
      }
      List<FieldVector> vectors = root.getFieldVectors();
      for (int j = 0; j < builders.size(); j++) {
        builders.get(j).add(vectors.get(j));
      }
      rows += root.getRowCount();
      rowsRead.accept(root.getRowCount());
    } while (chunkRows <= 0);
    if (rows == 0 && !first) {
      return null;
    }
    first = false;
    return Frame.of(builders.stream().map(ArrowColumnBuilder::build).toList());
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
