package dev.kiln.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Writes values (maps, lists, records, strings, numbers, {@code java.time} values) as the JSON
 * Kiln prints for scripts: indented, map keys sorted, times as ISO-8601 text, so the same value
 * always prints the same text.
 */
public final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonText() {}

  /**
   * Returns a value as indented JSON with sorted map keys.
   *
   * @throws UncheckedIOException if Jackson cannot serialise the value
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
