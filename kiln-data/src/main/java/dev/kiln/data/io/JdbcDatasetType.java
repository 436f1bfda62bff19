package dev.kiln.data.io;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.DuckDbLibrary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code type: jdbc}: a frame read from a SQL {@code query} or a {@code table} at a JDBC
 * {@code url} (SQLite, PostgreSQL and DuckDB drivers are included); {@code credentials} may give
 * {@code username} and {@code password}. Saving replaces the {@code table}'s rows in one
 * transaction.
 */
public final class JdbcDatasetType implements DatasetType {
  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("url", "query", "table"));
    String url = spec.requireOption("url");
    if (spec.option("query").isEmpty() && spec.option("table").isEmpty()) {
      throw new DatasetException("Catalog entry '" + spec.name() + "' needs 'query' or 'table'.",
          "add 'table: name' or 'query: SELECT ...'");
    }
    return new JdbcDataset(spec, url);
  }

  private record JdbcDataset(DatasetSpec spec, String url) implements Dataset<Frame> {
    @Override
    public Class<?> valueType() {
      return Frame.class;
    }

    @Override
    public Frame load() {
      String sql = spec.option("query").orElseGet(() -> "SELECT * FROM "
          + identifier(spec.requireOption("table")));
      try (Connection c = connect()) {
        return FrameReader.query(c, sql);
      } catch (SQLException e) {
        throw new DatasetException("Cannot load dataset '" + spec.name() + "' from " + redacted()
            + ": " + e.getMessage(), "check the query/table and that the database is reachable",
            e);
      }
    }

    @Override
    public void save(Frame value) {
      String table = spec.option("table").orElseThrow(() -> new DatasetException("Dataset '"
          + spec.name() + "' is a query; only a 'table' can be saved.", "use 'table: name'"));
      try (Connection c = connect()) {
        JdbcTableWriter.replace(c, identifier(table), value);
      } catch (SQLException e) {
        throw new DatasetException("Cannot save dataset '" + spec.name() + "' to " + redacted()
            + ": " + e.getMessage(), "check the table and permissions", e);
      }
    }

    @Override
    public boolean exists() {
      try (Connection c = connect()) {
        return true;
      } catch (SQLException e) {
        return false;
      }
    }

    private Connection connect() throws SQLException {
      if (url.startsWith("jdbc:duckdb:")) {
        DuckDbLibrary.prepare();
      }
      String user = spec.credentials().get("username");
      return user == null ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, user, spec.credentials().get("password"));
    }

    /** The URL without any query string, which may hold secrets. */
    private String redacted() {
      int q = url.indexOf('?');
      return "'" + (q < 0 ? url : url.substring(0, q) + "?...") + "'";
    }

    private static String identifier(String name) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new DatasetException("'" + name + "' is not a valid table name.",
            "use letters, digits, '_' and '.' (schema.table)");
      }
      return name;
    }
  }
}
