package dev.kiln.cli;

import dev.kiln.core.config.JsonText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the listing commands and the one place their JSON is written.
 * Every field of a documented object is always present (null when unknown), times are ISO-8601
 * UTC text, and map keys are sorted ({@link JsonText}), so scripts can rely on the schema in
 * docs/cli.md.
 */
final class JsonOutput {
  @Option(names = "--json", description = "Print JSON (schema in docs/cli.md) instead of a"
      + " table.")
  boolean json;

  /** Returns whether {@code --json} was given. */
  boolean enabled() {
    return json;
  }

  /** Prints a value (maps, lists, strings, numbers) as indented JSON. */
  static void print(PrintWriter out, Object value) {
    out.println(JsonText.write(value));
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
