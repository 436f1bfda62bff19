package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

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
      "{\"instances\": [[1, 123456789012345678901234567890, true, \"x\", null]]}"})
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
          + "[1,2,true,\"a\",null]]}"})
  void anythingElse_isLeftToTheTreeReader(String body) {
    assertThat(stream(body)).as("streamed").isNull();
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
