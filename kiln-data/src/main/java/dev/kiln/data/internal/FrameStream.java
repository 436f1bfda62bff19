package dev.kiln.data.internal;

import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An Arrow stream over frames of one schema, pulled one record batch at a time (DuckDB scans it
 * once through {@code registerArrowStream}); frames are cut into batches of at most
 * {@value #BATCH_ROWS} rows, so only one batch is off-heap at a time.
 */
final class FrameStream extends ArrowReader {
  static final int BATCH_ROWS = 1 << 16;
  private final Schema schema;
  private final Iterator<Frame> frames;
  private final FrameVectors vectors = new FrameVectors();
  private Frame current;
  private int offset;

  FrameStream(BufferAllocator allocator, Frame first, Iterator<Frame> frames) {
    super(allocator);
    this.schema = new Schema(first.columns().stream().map(FrameVectors::field).toList());
    this.frames = frames;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    while (current == null || offset >= current.rowCount()) {
      if (!frames.hasNext()) {
        return false;
      }
      current = frames.next();
      offset = 0;
      vectors.forget();
      requireSchema(current);
    }
    int n = Math.min(BATCH_ROWS, current.rowCount() - offset);
    VectorSchemaRoot root = getVectorSchemaRoot();
    List<FieldVector> out = root.getFieldVectors();
    List<Column> columns = current.columns();
    for (int j = 0; j < columns.size(); j++) {
      vectors.fill(out.get(j), columns.get(j), offset, n);
    }
    root.setRowCount(n);
    offset += n;
    return true;
  }

  private void requireSchema(Frame frame) {
    Schema other = new Schema(frame.columns().stream().map(FrameVectors::field).toList());
    if (!other.equals(schema)) {
      throw new DataFormatException("Cannot write frames of different schemas to one output: "
          + schema + " and then " + other + ".", "select and cast columns so every chunk matches");
    }
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    // frames are on the heap; nothing to release
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
