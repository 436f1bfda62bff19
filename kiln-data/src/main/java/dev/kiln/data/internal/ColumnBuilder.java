package dev.kiln.data.internal;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Accumulates one column from JDBC result rows into a growable primitive array, for databases
 * without an Arrow export. Dates and timestamps without a zone are read on a UTC calendar, so
 * their wall-clock value never moves with the JVM's zone.
 */
final class ColumnBuilder {
  private final String name;
  private final ColumnType type;
  private final int index;
  private final TimestampColumn.Kind kind;
  private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  private double[] doubles;
  private long[] longs;
  private boolean[] booleans;
  private String[] strings;
  private final BitSet nulls = new BitSet();
  private int size;

  ColumnBuilder(String name, int jdbcType, int index, int capacity) {
    this.name = name;
    this.type = ResultSetFrames.typeOf(jdbcType);
    this.index = index;
    this.kind = switch (jdbcType) {
      case Types.DATE -> TimestampColumn.Kind.DATE;
      case Types.TIMESTAMP -> TimestampColumn.Kind.LOCAL;
      default -> TimestampColumn.Kind.INSTANT;
    };
    switch (type) {
      case DOUBLE -> doubles = new double[capacity];
      case LONG, TIMESTAMP -> longs = new long[capacity];
      case BOOLEAN -> booleans = new boolean[capacity];
      case STRING -> strings = new String[capacity];
    }
  }

  void read(ResultSet rs) throws SQLException {
    grow();
    switch (type) {
      case DOUBLE -> doubles[size] = rs.getDouble(index);
      case LONG -> longs[size] = rs.getLong(index);
      case BOOLEAN -> booleans[size] = rs.getBoolean(index);
      case STRING -> strings[size] = rs.getString(index);
      case TIMESTAMP -> longs[size] = timestamp(rs);
    }
    if (rs.wasNull()) {
      nulls.set(size);
    }
    size++;
  }

  /**
   * Reads a date or timestamp from its text (as SQLite stores and PostgreSQL prints it), or from
   * the driver's Timestamp when the database stores a number (epoch milliseconds).
   */
  private long timestamp(ResultSet rs) throws SQLException {
    String text = rs.getString(index);
    if (text == null) {
      return 0;
    }
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      Timestamp t = kind == TimestampColumn.Kind.INSTANT ? rs.getTimestamp(index)
          : rs.getTimestamp(index, utc);
      return Math.floorDiv(t.getTime(), 1000) * 1_000_000 + t.getNanos() / 1000 % 1000;
    }
    try {
      return TimeText.micros(text);
    } catch (DateTimeParseException e) {
      throw new SQLException("Column '" + name + "' holds '" + text + "', which is not a date"
          + " or timestamp.", e);
    }
  }

  private void grow() {
    if (size < capacity()) {
      return;
    }
    int n = Math.max(16, capacity() * 2);
    switch (type) {
      case DOUBLE -> doubles = Arrays.copyOf(doubles, n);
      case LONG, TIMESTAMP -> longs = Arrays.copyOf(longs, n);
      case BOOLEAN -> booleans = Arrays.copyOf(booleans, n);
      case STRING -> strings = Arrays.copyOf(strings, n);
    }
  }

  private int capacity() {
    return switch (type) {
      case DOUBLE -> doubles.length;
      case LONG, TIMESTAMP -> longs.length;
      case BOOLEAN -> booleans.length;
      case STRING -> strings.length;
    };
  }

  Column build() {
    return switch (type) {
      case DOUBLE -> new DoubleColumn(name, Arrays.copyOf(doubles, size), nulls);
      case LONG -> new LongColumn(name, Arrays.copyOf(longs, size), nulls);
      case TIMESTAMP -> new TimestampColumn(name, Arrays.copyOf(longs, size), nulls, kind);
      case BOOLEAN -> new BooleanColumn(name, Arrays.copyOf(booleans, size), nulls);
      case STRING -> new StringColumn(name, Arrays.copyOf(strings, size));
    };
  }
}
