package dev.kiln.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the listing commands and the one place their JSON is written.
 * Every field of a documented object is always present (null when unknown), times are ISO-8601
 * UTC text, and map keys are sorted, so scripts can rely on the schema in docs/cli.md.
 */
final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Option(names = "--json", description = "Print JSON (schema in docs/cli.md) instead of a"
      + " table.")
  boolean json;

  /** Returns whether {@code --json} was given. */
  boolean enabled() {
    return json;
  }

  /** Prints a value (maps, lists, strings, numbers) as indented JSON. */
  static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns an object of alternating keys and values (printed with its keys sorted). */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      result.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return result;
  }

  /** Returns an epoch-millisecond time as ISO-8601 UTC text, null when negative (unknown). */
  static String time(long epochMillis) {
    return epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
  }
}
