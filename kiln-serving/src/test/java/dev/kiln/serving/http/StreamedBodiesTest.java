package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KServe V2 tensors and MLflow's {@code dataframe_split}, streamed: valid plain bodies give the
 * tree reader's frame, anything else is left to the tree reader (which names the problem).
 */
class StreamedBodiesTest {
  private static final List<FieldSpec> FIELDS = List.of(
      new FieldSpec("amount", ColumnType.DOUBLE, true, null, null, null),
      new FieldSpec("count", ColumnType.LONG, false, null, null, null),
      new FieldSpec("flag", ColumnType.BOOLEAN, true, null, null, null),
      new FieldSpec("kind", ColumnType.STRING, true, null, null, null));
  private static final TabularInputs READER = new TabularInputs(FIELDS, 3);
  private static final String TENSORS = "{\"name\": \"amount\", \"shape\": [2], \"datatype\":"
      + " \"FP64\", \"data\": [1.5, -2]}, {\"name\": \"count\", \"datatype\": \"INT64\","
      + " \"shape\": [2, 1], \"data\": [[3], [4]]}, {\"data\": [true, false], \"name\": \"flag\","
      + " \"shape\": [2], \"datatype\": \"BOOL\"}, {\"name\": \"kind\", \"shape\": [2],"
      + " \"datatype\": \"BYTES\", \"data\": [\"a\", \"\\u00e9\"]}";

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"inputs\": [" + TENSORS + "]}",
      "{\"id\": \"r-1\", \"parameters\": {\"x\": [1]}, \"inputs\": [" + TENSORS + "],"
          + " \"outputs\": [{\"name\": \"probability\"}]}"})
  void v2_tensors_are_streamed_into_the_tree_readers_frame(String body) {
    InferenceBody streamed = InferenceBody.read(bytes(body));
    assertThat(streamed).isNotNull();
    InputRows rows = streamed.rows(READER);
    assertThat(rows).isNotNull();
    JsonInstancesTest.assertSameFrame(rows.frame(),
        OpenInferenceRoutes.decode(Bodies.json(bytes(body)).get("inputs"), READER));
  }

  @Test
  void v2_envelope_gives_id_and_outputs() {
    InferenceBody streamed = InferenceBody.read(bytes("{\"id\": \"r-1\", \"inputs\": ["
        + TENSORS + "], \"outputs\": [{\"name\": \"probability\"}]}"));
    assertThat(streamed.id()).isEqualTo("r-1");
    assertThat(streamed.outputs()).containsExactly("probability");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "{}", "{\"inputs\": []}", "{\"inputs\": [" + TENSORS + "]} x",
      "{\"inputs\": [" + TENSORS + "], \"inputs\": [" + TENSORS + "]}",
      "{\"id\": 7, \"inputs\": [" + TENSORS + "]}",
      "{\"inputs\": [" + TENSORS + "], \"other\": 1}"})
  void odd_v2_envelopes_are_left_to_the_tree_reader(String body) {
    assertThat(InferenceBody.read(bytes(body))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"FP64\", \"data\": [1.5, -2]}", // one field twice
      "\"BOOL\", \"data\": [true, false]}", // a number field sent as BOOL
      "\"FP64\", \"data\": [true, false]}", // booleans as numbers
      "\"FP64\", \"data\": [1.5, \"2\"]}", // text among numbers
      "\"FP64\", \"data\": [1.5]}"}) // fewer values than the shape
  void tensors_the_tree_reader_judges_are_left_to_it(String amount) {
    String body = "{\"inputs\": [{\"name\": \"amount\", \"shape\": [2], \"datatype\": "
        + amount + TENSORS.substring(TENSORS.indexOf("}, {") + 1) + "]}";
    if (amount.startsWith("\"FP64\", \"data\": [1.5, -2]}")) {
      body = "{\"inputs\": [" + TENSORS + ", {\"name\": \"amount\", \"shape\": [2],"
          + " \"datatype\": " + amount + "]}";
    }
    InferenceBody streamed = InferenceBody.read(bytes(body));
    assertThat(streamed == null ? null : streamed.rows(READER)).as(body).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // one [rows, fields] tensor, values in the order of the inputs, of any kind they take
      "{\"inputs\": [{\"name\": \"x\", \"shape\": [2, 4], \"datatype\": \"FP64\","
          + " \"data\": [[1.5, 3, true, \"a\"], [null, 4, null, null]]}]}",
      "{\"id\": \"m\", \"inputs\": [{\"name\": \"input-0\", \"shape\": [1, 4],"
          + " \"datatype\": \"BYTES\", \"data\": [2, 2.5, false, \"\\u00e9\"]}]}",
      // a missing value in a per-field tensor of a field that may be missing
      "{\"inputs\": [{\"name\": \"amount\", \"shape\": [2], \"datatype\": \"FP64\","
          + " \"data\": [1.5, null]}, {\"name\": \"count\", \"datatype\": \"INT64\","
          + " \"shape\": [2], \"data\": [3, 4]}, {\"name\": \"flag\", \"shape\": [2],"
          + " \"datatype\": \"BOOL\", \"data\": [null, false]}, {\"name\": \"kind\","
          + " \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [null, \"b\"]}]}"})
  void v2_matrix_and_missing_values_are_streamed_into_the_tree_readers_frame(String body) {
    InferenceBody streamed = InferenceBody.read(bytes(body));
    InputRows rows = streamed.rows(READER);
    assertThat(rows).as(body).isNotNull();
    JsonInstancesTest.assertSameFrame(rows.frame(),
        OpenInferenceRoutes.decode(Bodies.json(bytes(body)).get("inputs"), READER));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"inputs\": [{\"name\": \"when\", \"shape\": [2], \"datatype\": \"BYTES\","
          + " \"data\": [\"2026-01-31T12:00:00Z\", null]}, {\"name\": \"amount\","
          + " \"shape\": [2], \"datatype\": \"FP32\", \"data\": [1, 2.25]}]}",
      "{\"inputs\": [{\"name\": \"rows\", \"shape\": [2, 2], \"datatype\": \"BYTES\","
          + " \"data\": [[7, \"2026-12-01T23:59:59.123456Z\"], [8, null]]}]}"})
  void v2_timestamps_are_streamed_into_the_tree_readers_frame(String body) {
    TabularInputs reader = new TabularInputs(List.of(
        new FieldSpec("amount", ColumnType.DOUBLE, false, null, null, null),
        new FieldSpec("when", ColumnType.TIMESTAMP, true, null, null, null)), 10);
    InputRows rows = InferenceBody.read(bytes(body)).rows(reader);
    assertThat(rows).as(body).isNotNull();
    JsonInstancesTest.assertSameFrame(rows.frame(),
        OpenInferenceRoutes.decode(Bodies.json(bytes(body)).get("inputs"), reader));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[[1, 2, 3, \"a\"]]", // a number for the boolean field
      "[[1, 2, true, 4]]", // a number for the text field
      "[[1, null, true, \"a\"]]", // a missing value the field does not allow
      "[[1, 2, true]]", // fewer values than the shape
      "[[\"1\", 2, true, \"a\"]]"}) // text for a number
  void v2_matrix_values_the_tree_reader_judges_are_left_to_it(String data) {
    String body = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\":"
        + " \"FP64\", \"data\": " + data + "}]}";
    InferenceBody streamed = InferenceBody.read(bytes(body));
    assertThat(streamed == null ? null : streamed.rows(READER)).as(body).isNull();
  }

  @Test
  void v2_rows_over_the_limit_and_misshapen_matrices_are_left_to_the_tree_reader() {
    List<String> four = new ArrayList<>();
    for (FieldSpec f : FIELDS) {
      four.add("{\"name\": \"" + f.name() + "\", \"shape\": [4], \"datatype\": \""
          + (f.type() == ColumnType.STRING ? "BYTES\", \"data\": [\"a\",\"a\",\"a\",\"a\"]}"
          : f.type() == ColumnType.BOOLEAN ? "BOOL\", \"data\": [true,true,true,true]}"
          : "FP64\", \"data\": [1,2,3,4]}"));
    }
    assertThat(InferenceBody.read(bytes("{\"inputs\": [" + String.join(",", four) + "]}"))
        .rows(READER)).isNull();
    assertThat(InferenceBody.read(bytes("{\"inputs\": [{\"name\": \"x\", \"shape\": [4, 4],"
        + " \"datatype\": \"FP64\", \"data\": [" + "[1, 2, true, \"a\"],".repeat(3)
        + "[1, 2, true, \"a\"]]}]}")).rows(READER)).as("over the limit").isNull();
    assertThat(InferenceBody.read(bytes("{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 3],"
        + " \"datatype\": \"FP64\", \"data\": [[1, 2, true]]}]}")).rows(READER))
        .as("a width other than the inputs'").isNull();
    assertThat(InferenceBody.read(bytes("{\"inputs\": [{\"name\": \"x\", \"shape\": [4],"
        + " \"datatype\": \"FP64\", \"data\": [1, 2, 3, 4]}]}")).rows(READER))
        .as("one dimension").isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"dataframe_split\": {\"columns\": [\"kind\", \"flag\", \"count\", \"amount\"],"
          + " \"data\": [[\"a\", true, 3, 1.5], [null, null, 4, null]]}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"count\", \"flag\", \"kind\"],"
          + " \"data\": [[2, 2.5, false, \"b\"]]}}"})
  void dataframe_split_is_streamed_into_the_tree_readers_frame(String body) {
    InputRows rows = JsonInstances.split(bytes(body), READER);
    assertThat(rows).isNotNull();
    JsonNode split = Bodies.json(bytes(body)).get("dataframe_split");
    List<String> columns = new ArrayList<>();
    split.get("columns").forEach(c -> columns.add(c.asText()));
    Frame expected = READER.rows(split.get("data"), columns, "dataframe_split.data");
    JsonInstancesTest.assertSameFrame(rows.frame(), expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"dataframe_split\": {\"data\": [[1, 2, true, \"a\"]], \"columns\": [\"amount\","
          + " \"count\", \"flag\", \"kind\"]}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"count\", \"flag\"],"
          + " \"data\": [[1, 2, true]]}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"count\", \"flag\", \"kind\"],"
          + " \"data\": [[1, 2, true]]}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"count\", \"flag\", \"kind\"],"
          + " \"data\": []}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"amount\", \"flag\", \"kind\"],"
          + " \"data\": [[1, 2, true, \"a\"]]}}",
      "{\"dataframe_split\": {\"columns\": [\"amount\", \"count\", \"flag\", \"kind\"],"
          + " \"data\": [[1, 2, true, \"a\"]]}, \"params\": {}}"})
  void odd_dataframe_splits_are_left_to_the_tree_reader(String body) {
    assertThat(JsonInstances.split(bytes(body), READER)).isNull();
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
