package dev.kiln.data.internal;

import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JDBC result sets of databases without an Arrow export (SQLite, PostgreSQL) into frames,
 * row by row into primitive arrays; DuckDB results go through {@link ArrowFrames} instead.
 */
public final class ResultSetFrames {
  private ResultSetFrames() {}

  /** Reads at most {@code maxRows} rows (all if negative); returns null if none were left. */
  public static Frame read(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<ColumnBuilder> builders = new ArrayList<>();
    int capacity = maxRows > 0 ? Math.min(maxRows, 1 << 16) : 1 << 12;
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      builders.add(new ColumnBuilder(meta.getColumnLabel(i), meta.getColumnType(i), i, capacity));
    }
    int rows = 0;
    while ((maxRows < 0 || rows < maxRows) && rs.next()) {
      for (ColumnBuilder b : builders) {
        b.read(rs);
      }
      rows++;
    }
    if (rows == 0 && maxRows > 0) {
      return null;
    }
    return Frame.of(builders.stream().map(ColumnBuilder::build).toList());
  }

  /** Maps a JDBC column type to a frame column type. */
  static ColumnType typeOf(int jdbcType) {
    return switch (jdbcType) {
      case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> ColumnType.DOUBLE;
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.LONG;
      case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> ColumnType.TIMESTAMP;
      default -> ColumnType.STRING;
    };
  }
}
