package dev.kiln.data.io;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.TimestampColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Replaces a table's content with a frame, in one transaction, with batched inserts. */
final class JdbcTableWriter {
  private JdbcTableWriter() {}

  static void replace(Connection c, String table, Frame frame) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    boolean zones = !"SQLite".equals(c.getMetaData().getDatabaseProductName());
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (" + frame.columns().stream()
          .map(col -> "\"" + col.name() + "\" " + sqlType(col, zones))
          .collect(Collectors.joining(", ")) + ")");
      insert(c, table, frame);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static void insert(Connection c, String table, Frame frame) throws SQLException {
    List<Column> cols = frame.columns();
    String marks = String.join(", ", Collections.nCopies(cols.size(), "?"));
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks
        + ")")) {
      for (int i = 0; i < frame.rowCount(); i++) {
        for (int j = 0; j < cols.size(); j++) {
          Column col = cols.get(j);
          if (col.isNull(i)) {
            p.setNull(j + 1, Types.NULL);
          } else if (col.type() == ColumnType.STRING) {
            p.setString(j + 1, (String) col.get(i));
          } else if (col.type() == ColumnType.DOUBLE) {
            p.setDouble(j + 1, col.getDouble(i));
          } else if (col.type() == ColumnType.BOOLEAN) {
            p.setBoolean(j + 1, col.getLong(i) != 0);
          } else if (col.get(i) instanceof Instant instant) {
            p.setObject(j + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
          } else if (col.type() == ColumnType.TIMESTAMP) {
            p.setObject(j + 1, col.get(i));
          } else {
            p.setLong(j + 1, col.getLong(i));
          }
        }
        p.addBatch();
        if (i % 10_000 == 9_999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  /**
   * Dates, local date-times and instants keep their SQL types, so they read back unmoved (SQLite
   * has no zoned type: instants are stored as UTC text with their offset).
   */
  private static String sqlType(Column column, boolean zones) {
    return switch (column.type()) {
      case DOUBLE -> "DOUBLE PRECISION";
      case LONG -> "BIGINT";
      case TIMESTAMP -> switch (((TimestampColumn) column).kind()) {
        case DATE -> "DATE";
        case LOCAL -> "TIMESTAMP";
        case INSTANT -> zones ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
      };
      case BOOLEAN -> "BOOLEAN";
      case STRING -> "TEXT";
    };
  }
}
