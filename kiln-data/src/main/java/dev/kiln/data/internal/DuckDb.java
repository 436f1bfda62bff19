package dev.kiln.data.internal;

import dev.kiln.data.DataFormatException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Opens embedded DuckDB connections and Arrow allocators the way every Kiln reader and writer
 * needs them: the session time zone is UTC, so zoned values are printed and parsed the same on
 * every machine and local date-times never move.
 */
public final class DuckDb {
  private static final long RELEASE_WAIT_MS = 10_000;
  /** The JVM option Arrow needs on Java 17+ (the runnable jar sets it in its manifest). */
  public static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private DuckDb() {}

  /** Opens an in-memory database. */
  public static DuckDBConnection open() throws SQLException {
    return open("jdbc:duckdb:");
  }

  /**
   * Opens a database at a JDBC URL ({@code jdbc:duckdb:} for in-memory, or a file). Results
   * stream: DuckDB produces rows as they are fetched instead of materialising the whole result
   * first, so reading a file in chunks keeps memory bounded.
   *
   * @throws dev.kiln.core.KilnException if DuckDB's native library cannot be made loadable
   *     ({@link DuckDbLibrary#prepare})
   */
  public static DuckDBConnection open(String url) throws SQLException {
    DuckDbLibrary.prepare();
    Properties properties = new Properties();
    properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
    DuckDBConnection c = DriverManager.getConnection(url, properties)
        .unwrap(DuckDBConnection.class);
    try (Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Returns a new Arrow allocator after checking that Arrow can reach off-heap memory.
   *
   * @throws DataFormatException naming the JVM option to add when it cannot
   */
  public static BufferAllocator allocator() {
    RootAllocator allocator = new RootAllocator();
    try (ArrowBuf probe = allocator.buffer(8)) {
      probe.nioBuffer(0, 8);
    } catch (RuntimeException | LinkageError e) {
      allocator.close();
      throw new DataFormatException("Apache Arrow cannot access memory in this JVM: "
          + e.getMessage(), "start Java with " + ADD_OPENS + " (the kiln command and its jar set"
          + " it; add it to your own launcher, surefire argLine or JAVA_TOOL_OPTIONS)", e);
    }
    return allocator;
  }

  /**
   * Closes an allocator whose buffers were exported to DuckDB. DuckDB's worker threads release
   * the last record batches they scanned when they drop their task state, which can be just
   * after the statement has returned (seen under heavy load as "Memory was leaked"); this waits
   * up to {@value #RELEASE_WAIT_MS} ms for them before closing, so a real leak still fails.
   */
  public static void closeExported(BufferAllocator allocator) {
    long deadline = System.nanoTime() + RELEASE_WAIT_MS * 1_000_000L;
    while (allocator.getAllocatedMemory() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    allocator.close();
  }
}
