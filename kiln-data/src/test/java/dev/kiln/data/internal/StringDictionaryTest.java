package dev.kiln.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Codes from raw UTF-8 bytes: equal bytes get one code, any differing byte a new one. */
class StringDictionaryTest {

  /** Codes every value (each twice, second time from another place) and checks against a map. */
  private static void assertCodes(List<String> values) {
    StringDictionary dictionary = new StringDictionary();
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (int pass = 0; pass < 2; pass++) {
      for (String v : values) {
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[utf8.length + 2 * pass + 3];
        System.arraycopy(utf8, 0, padded, pass + 1, utf8.length);
        int code = dictionary.code(padded, pass + 1, pass + 1 + utf8.length);
        expected.putIfAbsent(v, expected.size());
        assertThat(code).as("code of '%s' (pass %d)", v, pass).isEqualTo(expected.get(v));
      }
    }
    assertThat(dictionary.values()).containsExactlyElementsOf(expected.keySet());
  }

  @Test
  void valuesOfEveryLength_differingInOneByteAnywhere_getTheirOwnCodes() {
    List<String> values = new ArrayList<>();
    for (int len = 0; len <= 70; len++) {
      String base = "x".repeat(len);
      values.add(base);
      for (int at = 0; at < len; at++) {
        values.add(base.substring(0, at) + "y" + base.substring(at + 1));
      }
    }
    assertThat(values).doesNotHaveDuplicates();
    assertCodes(values);
  }

  @Test
  void emptyString_zeroBytesAndUnicode_areDistinctValues() {
    assertCodes(List.of("", "\0", "\0\0", "a", "a\0", "ü", "u\u0308", "日本語", "日本", "🦆",
        "🦆🦆", "Zürich / Höngg", "Zürich / Höngg 2", "São Paulo — Pinheiros",
        "Staten Island / Terrace 3", "Staten Island / Terrace 4"));
  }

  @Test
  void manyValuesSharingPrefixAndSuffix_growTheTable() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      values.add("https://example.com/users/" + i + "/profile/settings");
      values.add("zone " + i);
    }
    assertCodes(values);
  }
}
