package dev.kiln.data.internal;

import dev.kiln.data.DataFormatException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;

/**
 * Opens embedded DuckDB connections and Arrow allocators the way every Kiln reader and writer
 * needs them: the session time zone is UTC, so zoned values are printed and parsed the same on
 * every machine and local date-times never move.
 */
public final class DuckDb {
  /** The JVM option Arrow needs on Java 17+ (the runnable jar sets it in its manifest). */
  public static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private DuckDb() {}

  /** Opens an in-memory database. */
  public static DuckDBConnection open() throws SQLException {
    return open("jdbc:duckdb:");
  }

  /** Opens a database at a JDBC URL ({@code jdbc:duckdb:} for in-memory, or a file). */
  public static DuckDBConnection open(String url) throws SQLException {
    DuckDBConnection c = DriverManager.getConnection(url).unwrap(DuckDBConnection.class);
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
}
