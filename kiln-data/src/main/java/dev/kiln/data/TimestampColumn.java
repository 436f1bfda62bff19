package dev.kiln.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A column of points in time stored as microseconds since 1970-01-01T00:00 with a null mask. Its
 * {@link Kind} says what the number means: an instant (zoned values, counted in UTC), or a local
 * date-time or date without a zone (counted as if it were UTC, so it never moves with the JVM's or
 * the machine's time zone: {@code 1970-01-01} is 0 everywhere).
 */
public final class TimestampColumn extends LongValuedColumn {
  /** What a timestamp column's values are. */
  public enum Kind {
    /** Calendar dates (midnight of each day); read and written as dates. */
    DATE,
    /** Date-times without a zone (wall-clock time), as pandas and DuckDB's TIMESTAMP. */
    LOCAL,
    /** Instants (DuckDB's TIMESTAMPTZ, Parquet's UTC-adjusted timestamps). */
    INSTANT
  }

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private final Kind kind;

  /**
   * Creates a column of instants; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public TimestampColumn(String name, long[] values, BitSet nulls) {
    this(name, values, nulls, Kind.INSTANT);
  }

  /**
   * Creates a column of a kind; the arrays are owned by the column from now on.
   *
   * @param nulls rows that are missing, or null if none
   */
  public TimestampColumn(String name, long[] values, BitSet nulls, Kind kind) {
    super(name, values, nulls);
    this.kind = kind;
  }

  /** Creates a column of instants (epoch microseconds) without missing values. */
  public static TimestampColumn of(String name, long... values) {
    return new TimestampColumn(name, values, null);
  }

  /** Creates a column of dates without missing values. */
  public static TimestampColumn ofDates(String name, LocalDate... dates) {
    long[] values = new long[dates.length];
    for (int i = 0; i < dates.length; i++) {
      values[i] = dates[i].toEpochDay() * MICROS_PER_DAY;
    }
    return new TimestampColumn(name, values, null, Kind.DATE);
  }

  /** Creates a column of local date-times (no zone) without missing values. */
  public static TimestampColumn ofLocal(String name, LocalDateTime... times) {
    long[] values = new long[times.length];
    for (int i = 0; i < times.length; i++) {
      values[i] = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), times[i]);
    }
    return new TimestampColumn(name, values, null, Kind.LOCAL);
  }

  /** Returns what the values are: dates, local date-times or instants. */
  public Kind kind() {
    return kind;
  }

  @Override
  TimestampColumn with(String name, long[] values, BitSet nulls) {
    return new TimestampColumn(name, values, nulls, kind);
  }

  @Override
  public ColumnType type() {
    return ColumnType.TIMESTAMP;
  }

  /**
   * Returns the value at a row as a {@link LocalDate}, {@link LocalDateTime} or {@link Instant}
   * (by {@link #kind()}), or null if missing.
   */
  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    long micros = getLong(row);
    return switch (kind) {
      case DATE -> LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
      case LOCAL -> LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      case INSTANT -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    };
  }

  /**
   * Returns the date at a row, or null if missing.
   *
   * @throws DataFormatException unless the column holds dates
   */
  @Override
  public LocalDate getDate(int row) {
    if (kind != Kind.DATE) {
      throw ColumnGetters.wrongType(this, "getDate", "date");
    }
    return (LocalDate) get(row);
  }

  /**
   * Returns the local date-time at a row (a date at midnight), or null if missing.
   *
   * @throws DataFormatException if the column holds instants
   */
  @Override
  public LocalDateTime getDateTime(int row) {
    if (kind == Kind.INSTANT) {
      throw ColumnGetters.wrongType(this, "getDateTime", "local date-time");
    }
    Object value = get(row);
    return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
  }

  /**
   * Returns the instant at a row, or null if missing.
   *
   * @throws DataFormatException unless the column holds instants
   */
  @Override
  public Instant getInstant(int row) {
    if (kind != Kind.INSTANT) {
      throw ColumnGetters.wrongType(this, "getInstant", "instant");
    }
    return (Instant) get(row);
  }

  @Override
  public TimestampColumn take(int[] rows) {
    return (TimestampColumn) super.take(rows);
  }

  @Override
  public TimestampColumn renamed(String newName) {
    return (TimestampColumn) super.renamed(newName);
  }

  /**
   * Returns this column followed by another timestamp column of the same kind.
   *
   * @throws DataFormatException if the other column is not a timestamp column of this kind
   */
  @Override
  public TimestampColumn append(Column other) {
    Column.requireSameType(this, other);
    Kind otherKind = ((TimestampColumn) other).kind;
    if (otherKind != kind) {
      throw new DataFormatException("Cannot append column '" + other.name() + "' of "
          + otherKind.name().toLowerCase(java.util.Locale.ROOT) + " values to column '" + name()
          + "' of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " values.",
          "convert one of them so both hold the same kind of time");
    }
    return (TimestampColumn) super.append(other);
  }
}
