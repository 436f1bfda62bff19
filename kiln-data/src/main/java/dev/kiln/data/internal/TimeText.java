package dev.kiln.data.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Parses dates and timestamps that databases return as text (SQLite stores them so; PostgreSQL
 * prints them so) into the microseconds of a {@code TimestampColumn}: {@code 2024-02-29},
 * {@code 2024-02-29 10:30:00.25} or {@code ...T10:30}, and with an offset ({@code Z},
 * {@code +02}, {@code +02:00}) for instants.
 */
final class TimeText {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd().optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
      .toFormatter();

  private TimeText() {}

  /**
   * Returns the microseconds of a date or timestamp written as text: instants counted in UTC,
   * local values as if they were UTC.
   *
   * @throws DateTimeParseException if the text is not a date or timestamp
   */
  static long micros(String text) {
    var parsed = FORMAT.parse(text.trim());
    LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
        java.time.LocalTime.from(parsed));
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      local = OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(
          parsed.get(ChronoField.OFFSET_SECONDS))).withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDateTime();
    }
    return ChronoUnit.MICROS.between(EPOCH, local);
  }
}
