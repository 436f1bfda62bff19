package dev.kiln.tracking.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parameterised statements with bound arguments; never concatenates values into SQL. */
final class Sql {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, Arrays.asList(args))) {
      return ps.executeUpdate();
    }
  }

  /**
   * Runs one statement for each row of arguments as a single JDBC batch.
   *
   * @return the rows changed in all, or -1 if the driver did not report a count
   */
  static int batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.size() == 1) {
      return update(c, sql, rows.get(0));
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        bind(ps, Arrays.asList(row));
        ps.addBatch();
      }
      int total = 0;
      for (int n : ps.executeBatch()) {
        if (n < 0) {
          return -1;
        }
        total += n;
      }
      return total;
    }
  }

  static <T> List<T> query(Connection c, String sql, List<?> args, Row<T> row) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    return query(c, sql, Arrays.asList(args), row);
  }

  private static PreparedStatement prepare(Connection c, String sql, List<?> args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    bind(ps, args);
    return ps;
  }

  private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (arg instanceof Double d && d.isNaN()) {
        ps.setNull(i + 1, java.sql.Types.DOUBLE);
      } else {
        ps.setObject(i + 1, arg);
      }
    }
  }

  /** Reads a nullable double column, NULL standing for NaN. */
  static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }
}
