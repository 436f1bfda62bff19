package dev.kiln.data;

import dev.kiln.data.internal.ArrowCopy;
import dev.kiln.data.internal.DuckDb;
import dev.kiln.data.internal.SqlErrors;
import dev.kiln.data.io.FrameReader;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * SQL over frames: runs a query in an embedded DuckDB where each frame is a table, moving data
 * both ways as Arrow record batches (no value goes through JDBC rows). Joins, group-by, window
 * functions and everything else DuckDB's SQL offers work on frames this way.
 */
public final class Frames {
  private Frames() {}

  /**
   * Runs a query whose tables are the given frames, by name; files can be queried too
   * ({@code select * from 'data/x.parquet'}).
   *
   * <pre>{@code
   * Frame top = Frames.sql("""
   *     select c.segment, sum(t.amount) as spend
   *     from transactions t join customers c using (customer_id)
   *     group by c.segment order by spend desc""",
   *     Map.of("transactions", transactions, "customers", customers));
   * }</pre>
   *
   * @throws DataFormatException naming the query's line and column where it failed, with the
   *     closest table or column name
   */
  public static Frame sql(String query, Map<String, Frame> tables) {
    try (DuckDBConnection c = DuckDb.open()) {
      for (Map.Entry<String, Frame> t : tables.entrySet()) {
        ArrowCopy.createTable(c, identifier(t.getKey()), t.getValue());
      }
      return FrameReader.query(c, query);
    } catch (SQLException e) {
      TreeSet<String> names = new TreeSet<>(tables.keySet());
      tables.values().forEach(f -> names.addAll(f.columnNames()));
      throw SqlErrors.translate("Query", query, e, names);
    }
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
