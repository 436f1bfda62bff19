package dev.kiln.data.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Timestamp kernels over epoch microseconds, read as UTC wall-clock time (the way Kiln stores both
 * local and zoned timestamps), computed without allocation.
 */
final class Dates {
  static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Dates() {}

  /** Returns a date or time part: year, quarter, month, day, dayofyear, dayofweek, hour, minute, second. */
  static long part(String part, long micros) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long inDay = Math.floorMod(micros, MICROS_PER_DAY);
    return switch (part) {
      case "hour" -> inDay / 3_600_000_000L;
      case "minute" -> inDay / 60_000_000L % 60;
      case "second" -> inDay / MICROS_PER_SECOND % 60;
      case "dayofweek" -> Math.floorMod(days + 3, 7);
      default -> civil(part, days);
    };
  }

  /** Year, month, day, quarter or day of year of a day count (Hinnant's civil-from-days). */
  private static long civil(String part, long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return switch (part) {
      case "year" -> year;
      case "month" -> month;
      case "day" -> day;
      case "quarter" -> (month + 2) / 3;
      default -> days - daysOf(year) + 1;
    };
  }

  /** Days from 1970-01-01 to January 1st of a year. */
  private static long daysOf(long year) {
    long y = year - 1;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doe = 365 * yoe + yoe / 4 - yoe / 100 + 306;
    return era * 146_097 + doe - 719_468;
  }

  /** Formats as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}. */
  static String format(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    String text = String.format(Locale.ROOT, "%s %02d:%02d:%02d", t.toLocalDate(), t.getHour(),
        t.getMinute(), t.getSecond());
    return t.getNano() == 0 ? text : text + String.format(Locale.ROOT, ".%06d", t.getNano() / 1000);
  }

  /**
   * Parses an ISO date ({@code 2024-01-31}) or date-time ({@code 2024-01-31 12:00:00}, a {@code T}
   * separator, fractions, {@code Z} or an offset, which is converted to UTC).
   *
   * @throws DateTimeParseException if it is neither
   */
  static long parse(String text) {
    String s = text.trim().replace(' ', 'T');
    if (s.length() <= 10) {
      return LocalDate.parse(s).toEpochDay() * MICROS_PER_DAY;
    }
    boolean zoned = s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
    LocalDateTime local = zoned ? OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC)
        .toLocalDateTime() : LocalDateTime.parse(s);
    return local.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + local.getNano() / 1000;
  }
}
