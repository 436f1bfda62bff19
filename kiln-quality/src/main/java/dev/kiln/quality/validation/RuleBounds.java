package dev.kiln.quality.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Reads and writes a rule's bounds: numbers, or ISO date-times for timestamp columns. */
final class RuleBounds {
  private RuleBounds() {}

  /** Returns the bound as written: an ISO date-time (UTC, no zone) for a timestamp. */
  static Object write(ColumnType type, Double bound) {
    if (bound == null || type != ColumnType.TIMESTAMP) {
      return bound;
    }
    long micros = Math.round(bound);
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC).toString();
  }

  /** Reads a bound: a number, or an ISO date, date-time or instant as epoch microseconds. */
  static Double read(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    String text = node.asText().trim();
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException notNumber) {
      return (double) micros(text, field);
    }
  }

  private static long micros(String text, String field) {
    try {
      Instant instant;
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        instant = java.time.OffsetDateTime.parse(text).toInstant();
      } else if (text.contains("T")) {
        instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } else {
        instant = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    } catch (DateTimeParseException e) {
      throw new DataFormatException("Bound " + field + " '" + text
          + "' is neither a number nor an ISO date.", "write e.g. 2024-01-31 or 2024-01-31T12:00:00");
    }
  }
}
