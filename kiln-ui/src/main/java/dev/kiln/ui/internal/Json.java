package dev.kiln.ui.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** The UI's JSON writer: non-finite doubles become null, so browsers can parse every answer. */
public final class Json {
  /** The shared mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
          .addSerializer(Double.class, new FiniteDoubles()));

  private Json() {}

  /** Returns a value as UTF-8 JSON bytes. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("UI answers are plain maps and records", e);
    }
  }

  /** Returns a value as a JSON string. */
  public static String text(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /** Writes NaN and infinities as null. */
  private static final class FiniteDoubles
      extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    FiniteDoubles() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, com.fasterxml.jackson.core.JsonGenerator gen,
        com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
