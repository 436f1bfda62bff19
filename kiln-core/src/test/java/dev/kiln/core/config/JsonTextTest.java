package dev.kiln.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void write_sortsMapKeys_indents_andWritesTimesAsIsoText() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", List.of(1, 2.5));
    value.put("a", Instant.parse("2026-01-02T03:04:05Z"));
    value.put("c", null);

    assertThat(JsonText.write(value)).isEqualTo("""
        {
          "a" : "2026-01-02T03:04:05Z",
          "b" : [ 1, 2.5 ],
          "c" : null
        }""".replace("\n", System.lineSeparator()));
  }
}
