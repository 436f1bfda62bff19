package dev.kiln.data.internal;

import dev.kiln.data.Frame;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * Hands frames to DuckDB as an Arrow stream ({@code registerArrowStream}): DuckDB pulls record
 * batches through the Arrow C data interface, so no value is copied through JDBC.
 */
public final class ArrowCopy {
  private static final AtomicLong IDS = new AtomicLong();

  private ArrowCopy() {}

  /**
   * Writes frames, pulled one at a time, with {@code COPY (SELECT projection ...) TO target
   * (options)}.
   *
   * @param first the first frame (gives the schema; also the first one written)
   * @param rest the frames after the first
   * @param copy the select list, target and options of the COPY statement
   */
  public static void copy(DuckDBConnection c, Frame first, Iterator<Frame> rest, CopySpec copy)
      throws SQLException {
    BufferAllocator allocator = DuckDb.allocator();
    try {
      String view = "kiln_frame_" + IDS.incrementAndGet();
      Iterator<Frame> all = prepend(first, rest);
      try (ArrowArrayStream stream = register(c, allocator, view, first, all);
          Statement s = c.createStatement()) {
        try {
          s.execute("COPY (SELECT " + copy.projection() + " FROM " + view + ") TO "
              + copy.target() + " (" + copy.options() + ")");
        } finally {
          stream.release();
          dropView(c, view);
        }
      }
    } finally {
      DuckDb.closeExported(allocator);
    }
  }

  /**
   * Copies a frame into a temporary DuckDB table of the connection, which a query may then scan
   * any number of times.
   */
  public static void createTable(DuckDBConnection c, String table, Frame frame)
      throws SQLException {
    BufferAllocator allocator = DuckDb.allocator();
    try {
      String view = "kiln_frame_" + IDS.incrementAndGet();
      try (ArrowArrayStream stream = register(c, allocator, view, frame,
          java.util.List.of(frame).iterator()); Statement s = c.createStatement()) {
        try {
          s.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT * FROM " + view);
        } finally {
          stream.release();
          dropView(c, view);
        }
      }
    } finally {
      DuckDb.closeExported(allocator);
    }
  }

  /**
   * Drops a registered view, best effort, on a statement of its own: after a failed query DuckDB
   * has closed the query's statement, and a second error from here would hide the first (a full
   * disk read as "Statement was closed"). A view left behind goes with its connection.
   */
  private static void dropView(DuckDBConnection c, String view) {
    try (Statement s = c.createStatement()) {
      s.execute("DROP VIEW IF EXISTS " + view);
    } catch (SQLException e) {
      // the query's own outcome is what the caller needs
    }
  }

  /**
   * What a COPY writes.
   *
   * @param projection the select list, e.g. {@code *}
   * @param target the quoted file name
   * @param options DuckDB's COPY options, e.g. {@code FORMAT PARQUET}
   */
  public record CopySpec(String projection, String target, String options) {}

  private static ArrowArrayStream register(DuckDBConnection c, BufferAllocator allocator,
      String view, Frame first, Iterator<Frame> frames) {
    ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
    Data.exportArrayStream(allocator, new FrameStream(allocator, first, frames), stream);
    c.registerArrowStream(view, stream);
    return stream;
  }

  private static Iterator<Frame> prepend(Frame first, Iterator<Frame> rest) {
    return new Iterator<>() {
      private boolean sent;

      @Override
      public boolean hasNext() {
        return !sent || rest.hasNext();
      }

      @Override
      public Frame next() {
        if (!sent) {
          sent = true;
          return first;
        }
        return rest.next();
      }
    };
  }
}
