package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader accepts only bodies the tree reader accepts, and reads them into the same
 * frame; everything else is left to the tree reader, which names the problem.
 */
class JsonInstancesTest {
  private static final List<FieldSpec> FIELDS = List.of(
      new FieldSpec("amount", ColumnType.DOUBLE, true, null, null, null),
      new FieldSpec("count", ColumnType.LONG, false, null, null, null),
      new FieldSpec("flag", ColumnType.BOOLEAN, true, null, null, null),
      new FieldSpec("kind", ColumnType.STRING, true, null, null, null),
      new FieldSpec("seen", ColumnType.TIMESTAMP, true, null, null, null));
  private static final TabularInputs READER = new TabularInputs(FIELDS, 3);

  /** Valid bodies: streamed, and equal to the tree reader's frame. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"instances\": [{\"amount\": 1.5, \"count\": 3, \"flag\": true, \"kind\": \"a\","
          + " \"seen\": \"2026-01-31T12:00:00.123456Z\"}]}",
      "{\"inputs\": [{\"seen\": null, \"kind\": null, \"flag\": null, \"count\": -7,"
          + " \"amount\": null}]}",
      "{\"instances\": [[1e300, 12345678901, false, \"\\u00e9\\\"x\", null],"
          + " [-0.0, 0, true, \"b\", \"1970-01-01T00:00:00Z\"]]}",
      "{\"instances\": [{\"amount\": 2, \"count\": 2.5, \"flag\": false, \"kind\": \"c\","
          + " \"seen\": null}, {\"amount\": 0.1, \"count\": 1, \"flag\": true, \"kind\": \"d\","
          + " \"seen\": null}]}",
      "  {\"instances\":[[3,4,true,\"x\",null]]}\n",
      "{\"instances\": [[1, 123456789012345678901234567890, true, \"x\", null]]}",
      "{\"instances\": [[-0, -0.0, false, \"\", null], [-0.0, -0, true, \"y\", null]]}",
      "{\"instances\": [[1E5, 1e-5, true, \"tab\\there\", null]]}",
      "{\"instances\": [[0.30000000000000004, 9007199254740993, true,"
          + " \"\\ud83d\\ude80 \u00e9 \u65e5\u672c \\u00E9\", null]]}",
      "{\"instances\": [[1e23, 123456789012345678, true, \"x\", null]]}",
      "{\"instances\": [[2.2250738585072011e-308, 4.9e-324, true, \"x\", null]]}",
      "{\"instances\": [[1.7976931348623157e308, 1e-400, true, \"x\", null]]}",
      "{\"instances\": [[123.456e-2, 100000000000000000000000, true, \"x\", null]]}",
      "{\"instances\": [[0.000001234, 5, true, \"\\/\\b\\f\\n\\r\\\\\\\"\", null]]}",
      "{\"instances\": [[3.14159265358979323846264338327950288, 7E+2, false, \"x\", null]]}",
      "\t{\r\n\"instances\"\t:\n[ [ 1 , 2 , true , \"a\" , null ] ] }\n",
      "{\"instances\": [{\"flag\": true, \"kind\": \"a\", \"seen\": null, \"amount\": 1,"
          + " \"count\": 2}, {\"kind\": \"b\", \"flag\": false, \"seen\": null, \"count\": 3,"
          + " \"amount\": 4}, {\"seen\": null, \"kind\": \"c\", \"flag\": true, \"amount\": 5,"
          + " \"count\": 6}]}",
      "{\"instances\": [{\"am\\u006funt\": 1, \"count\": 2, \"flag\": true, \"kind\": \"a\","
          + " \"seen\": null}]}"})
  void validBody_isStreamedIntoTheTreeReadersFrame(String body) {
    Frame expected = tree(body);
    InputRows rows = stream(body);
    assertThat(rows).as("streamed").isNotNull();
    assertSameFrame(rows.frame(), expected);
  }

  /** Bodies the tree reader refuses, or reads in a way the stream does not: left to it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "", "[1]", "{\"instances\": [", "{\"instances\": []}", "{\"instances\": 3}",
      "{\"instances\": [[1, 2, true, \"a\", null]]} x",
      "{\"instances\": [[1, 2, true, \"a\", null]], \"instances\": [[1, 2, true, \"a\", null]]}",
      "{\"inputs\": [[1, 2, true, \"a\", null]], \"instances\": [[1, 2, true, \"a\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\", null]], \"parameters\": {}}",
      "{\"instances\": [{\"amount\": 1, \"amount\": 2, \"count\": 1, \"flag\": true,"
          + " \"kind\": \"a\", \"seen\": null}]}",
      "{\"instances\": [{\"count\": 1, \"flag\": true, \"kind\": \"a\", \"seen\": null}]}",
      "{\"instances\": [{\"amount\": 1, \"count\": 1, \"flag\": true, \"kind\": \"a\","
          + " \"seen\": null, \"colour\": 1}]}",
      "{\"instances\": [[NaN, 2, true, \"a\", null]]}",
      "{\"instances\": [[Infinity, 2, true, \"a\", null]]}",
      "{\"instances\": [[1e400, 2, true, \"a\", null]]}",
      "{\"instances\": [[\"1\", 2, true, \"a\", null]]}",
      "{\"instances\": [[1, null, true, \"a\", null]]}",
      "{\"instances\": [[1, 2, 1, \"a\", null]]}",
      "{\"instances\": [[1, 2, true, 3, null]]}",
      "{\"instances\": [[1, 2, true, \"a\", \"yesterday\"]]}",
      "{\"instances\": [[1, 2, true, \"a\", 5]]}",
      "{\"instances\": [[1, 2, true, \"a\"]]}",
      "{\"instances\": [[1, 2, true, \"a\", null, 6]]}",
      "{\"instances\": [[1, 2, true, \"a\", null], {\"amount\": 1}]}",
      "{\"instances\": [[1, 2, true, {\"k\": 1}, null]]}",
      "{\"instances\": [[1,2,true,\"a\",null],[1,2,true,\"a\",null],[1,2,true,\"a\",null],"
          + "[1,2,true,\"a\",null]]}",
      "{\"instances\": [[01, 2, true, \"a\", null]]}",
      "{\"instances\": [[1., 2, true, \"a\", null]]}",
      "{\"instances\": [[.5, 2, true, \"a\", null]]}",
      "{\"instances\": [[+1, 2, true, \"a\", null]]}",
      "{\"instances\": [[1e, 2, true, \"a\", null]]}",
      "{\"instances\": [[1e+, 2, true, \"a\", null]]}",
      "{\"instances\": [[-, 2, true, \"a\", null]]}",
      "{\"instances\": [[--1, 2, true, \"a\", null]]}",
      "{\"instances\": [[1.5.5, 2, true, \"a\", null]]}",
      "{\"instances\": [[0x10, 2, true, \"a\", null]]}",
      "{\"instances\": [[1, 2, tru, \"a\", null]]}",
      "{\"instances\": [[1, 2, True, \"a\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\", nul]]}",
      "{\"instances\": [[1, 2, true, \"a\\x\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\\u12G4\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\\u12\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\u0001b\", null]]}",
      "{\"instances\": [[1, 2, true, \"a, null]]}",
      "{\"instances\": [[1, 2, true, \"a\", null,]]}",
      "{\"instances\": [[1, 2, true, \"a\", null],]}",
      "{\"instances\": [[1, 2, true, \"a\", null]]}\u0000",
      "{\"instances\": [[1, 2, true, \"a\", null]]",
      "{\"instances\": [[1, 2, true, \"a\", null]]}}",
      "{\"instances\": [{}]}",
      "{\"instances\": [[]]}",
      "{\"instances\": [{\"amount\": 1, \"count\": 2, \"flag\": true, \"kind\": \"a\","
          + " \"seen\": null,}]}",
      "{\"instances\": [{\"amount\" 1, \"count\": 2, \"flag\": true, \"kind\": \"a\","
          + " \"seen\": null}]}",
      "{\"instances\" [[1, 2, true, \"a\", null]]}",
      "{instances: [[1, 2, true, \"a\", null]]}",
      "{\"instances\": [[1, 2, true, \"a\", null]] /* a comment */}"})
  void anythingElse_isLeftToTheTreeReader(String body) {
    assertThat(stream(body)).as("streamed").isNull();
  }

  @Test
  void malformedUtf8InAString_isLeftToTheTreeReader() {
    byte[] body = "{\"instances\": [[1, 2, true, \"a?b\", null]]}"
        .getBytes(StandardCharsets.UTF_8);
    for (byte bad : new byte[] {(byte) 0x80, (byte) 0xC0, (byte) 0xFF}) {
      body[body.length - 12] = bad;
      assertThat(JsonInstances.read(body, body.length, READER)).isNull();
      assertThatThrownBy(() -> Bodies.json(body)).isInstanceOf(ClientError.class);
    }
  }

  /** Numbers of every shape read as Double.parseDouble reads their text (correctly rounded). */
  @Test
  void numbers_readAsParseDoubleReadsThem() {
    TabularInputs one = new TabularInputs(List.of(
        new FieldSpec("x", ColumnType.DOUBLE, false, null, null, null)), 1);
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String text = randomNumber(random);
      byte[] body = ("{\"instances\": [[" + text + "]]}").getBytes(StandardCharsets.UTF_8);
      double expected = Double.parseDouble(text);
      InputRows rows = JsonInstances.read(body, body.length, one);
      if (!Double.isFinite(expected)) {
        assertThat(rows).as(text).isNull();
        continue;
      }
      boolean integerZero = text.equals("-0"); // an integer token: Jackson reads 0
      double value = rows.frame().column("x").getDouble(0);
      assertThat(Double.doubleToRawLongBits(value)).as(text)
          .isEqualTo(Double.doubleToRawLongBits(integerZero ? 0.0 : expected));
    }
  }

  private static String randomNumber(Random random) {
    StringBuilder s = new StringBuilder();
    if (random.nextBoolean()) {
      s.append('-');
    }
    int whole = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
    s.append(whole == 0 ? "0" : String.valueOf(1 + random.nextInt(9)));
    for (int i = 1; i < whole; i++) {
      s.append(random.nextInt(10));
    }
    if (random.nextBoolean()) {
      s.append('.');
      int fraction = 1 + random.nextInt(25);
      for (int i = 0; i < fraction; i++) {
        s.append(random.nextInt(3) == 0 ? 0 : random.nextInt(10));
      }
    }
    if (random.nextInt(3) == 0) {
      s.append(random.nextBoolean() ? 'e' : 'E').append(List.of("", "+", "-")
          .get(random.nextInt(3))).append(random.nextInt(random.nextBoolean() ? 30 : 330));
    }
    return s.toString();
  }

  private static InputRows stream(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return JsonInstances.read(bytes, bytes.length, READER);
  }

  private static Frame tree(String body) {
    JsonNode tree = Bodies.json(body.getBytes(StandardCharsets.UTF_8));
    String key = tree.has("instances") ? "instances" : "inputs";
    try {
      return READER.instances(tree.get(key), key);
    } catch (ClientError e) {
      throw new AssertionError("the tree reader refuses a body the test calls valid", e);
    }
  }

  static void assertSameFrame(Frame actual, Frame expected) {
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    for (int c = 0; c < expected.columns().size(); c++) {
      Column a = actual.columns().get(c);
      Column e = expected.columns().get(c);
      assertThat(a.type()).as(e.name()).isEqualTo(e.type());
      for (int r = 0; r < e.size(); r++) {
        assertThat(a.isNull(r)).as(e.name() + " row " + r + " null").isEqualTo(e.isNull(r));
        assertThat(a.get(r)).as(e.name() + " row " + r).isEqualTo(e.get(r));
        if (e.type() != ColumnType.STRING) {
          assertThat(Double.doubleToLongBits(a.getDouble(r))).as(e.name() + " row " + r)
              .isEqualTo(Double.doubleToLongBits(e.getDouble(r)));
        }
      }
    }
  }
}
