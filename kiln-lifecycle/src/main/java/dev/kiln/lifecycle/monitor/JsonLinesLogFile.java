package dev.kiln.lifecycle.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a JSON-lines prediction log file ({@code kiln serve --log-format json}, and every log
 * before the binary format): one object per row. The last line of a {@code .open} file may be
 * cut short by the writer and is skipped (and counted); any other bad line is an error naming
 * file and line.
 */
final class JsonLinesLogFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How Jackson writes the doubles JSON has no number for. */
  private static final Map<String, Double> NON_FINITE = Map.of("NaN", Double.NaN,
      "Infinity", Double.POSITIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY);

  private JsonLinesLogFile() {}

  /**
   * Adds the file's matching rows to the table.
   *
   * @return the cut-short last line skipped, or null
   */
  static PredictionLogReader.SkippedTail read(Path file, LogTable table) {
    boolean open = file.getFileName().toString().endsWith(".open");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      for (int number = 1; line != null; number++) {
        String next = in.readLine();
        JsonNode entry = parse(line, file, number, open && next == null);
        if (entry == null && !line.isBlank()) {
          long bytes = line.getBytes(StandardCharsets.UTF_8).length;
          return new PredictionLogReader.SkippedTail(file, Files.size(file) - bytes, bytes);
        }
        if (entry != null) {
          add(entry, table);
        }
        line = next;
      }
    } catch (IOException e) {
      throw new KilnException("Cannot read '" + file + "': " + e.getMessage(), null, e);
    }
    return null;
  }

  private static void add(JsonNode entry, LogTable table) {
    long micros = micros(Instant.parse(entry.path("timestamp").asText()));
    if (!table.accepts(entry.path("model").asText(), entry.path("role").asText(), micros)) {
      return;
    }
    int row = table.add(1, entry.path("row").asLong(), micros, text(entry.path("request_id")),
        text(entry.path("version")));
    for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("inputs").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      LogTable.Values values = table.input(field.getKey());
      if (values != null) {
        set(values, row, field.getValue());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("outputs").fields();
        it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      set(table.output(field.getKey()), row, field.getValue());
    }
  }

  /**
   * Sets a logged value: numbers (also NaN and infinities, which Jackson writes as text), booleans
   * as 0/1, timestamps as epoch microseconds, text.
   */
  private static void set(LogTable.Values values, int row, JsonNode v) {
    if (values.text()) {
      if (!v.isNull()) {
        values.text(row, v.asText());
      }
    } else if (v.isNumber()) {
      values.number(row, v.asDouble());
    } else if (v.isBoolean()) {
      values.number(row, v.asBoolean() ? 1 : 0);
    } else if (v.isTextual() && NON_FINITE.containsKey(v.asText())) {
      values.number(row, NON_FINITE.get(v.asText()));
    } else if (v.isTextual()) {
      Long micros = timestamp(v.asText());
      if (micros != null) {
        values.number(row, micros);
      }
    }
  }

  /** Reads a logged timestamp value (an instant, a local date-time or a date), or null. */
  private static Long timestamp(String text) {
    try {
      if (text.endsWith("Z")) {
        return micros(Instant.parse(text));
      }
      if (text.contains("T")) {
        return micros(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      }
      return micros(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode v) {
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  /** Parses a line; returns null for a blank line or a partial last line of an open file. */
  private static JsonNode parse(String line, Path file, int number, boolean mayBePartial) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      if (node.isObject() && node.has("timestamp") && node.has("inputs")) {
        Instant.parse(node.path("timestamp").asText());
        return node;
      }
    } catch (JsonProcessingException | DateTimeParseException e) {
      // reported below unless the writer is still writing this line
    }
    if (mayBePartial) {
      return null;
    }
    throw new KilnException("Line " + number + " of '" + file + "' is not a prediction log"
        + " entry.", "the log is written by kiln serve; remove or repair the file");
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
