package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every protocol answers with the bundle's own predictions. */
class ProtocolsTest {
  @TempDir static Path dir;
  static ModelServer server;
  static Http http;
  static LoadedBundle bundle;
  /** Expected probabilities for (amount, kind) = (61.5, "a"), (40, "c"), (null, "b"). */
  static double[] expected;

  @BeforeAll
  static void start() throws Exception {
    Path path = TestBundles.write(dir.resolve("bundle"), "demo", "7", 0);
    bundle = ModelBundle.load(path);
    Frame rows = Frame.of(new DoubleColumn("amount", new double[] {61.5, 40, Double.NaN},
        bitSet(2)), StringColumn.of("kind", "a", "c", "b"));
    expected = bundle.predict(rows).column("probability").toDoubleArray();
    ServingMetrics metrics = new ServingMetrics();
    server = ModelServer.create(cfg -> cfg.metrics(metrics).kilnVersion("test")
        .http(http -> http.address("127.0.0.1", 0)).models(m -> m.serve(path.toString())));
    http = new Http("http://127.0.0.1:" + server.port());
  }

  private static java.util.BitSet bitSet(int bit) {
    java.util.BitSet b = new java.util.BitSet();
    b.set(bit);
    return b;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertProbabilities(JsonNode values) {
    assertThat(values).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(values.get(i).asDouble()).isCloseTo(expected[i], within(1e-6));
    }
  }

  @Test
  void native_records_and_arrays() {
    HttpResponse<String> r = http.postJson("/v1/models/demo:predict", """
        {"instances": [{"amount": 61.5, "kind": "a"}, {"amount": 40, "kind": "c"},
                       {"amount": null, "kind": "b"}]}""");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Model-Version")).contains("7");
    JsonNode p = Http.json(r).get("predictions");
    assertProbabilities(p.findValues("probability").stream().collect(
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
        com.fasterxml.jackson.databind.node.ArrayNode::add,
        com.fasterxml.jackson.databind.node.ArrayNode::addAll));
    assertThat(p.get(0).get("prediction").asInt()).isEqualTo(expected[0] >= 0.5 ? 1 : 0);

    JsonNode arrays = Http.json(http.postJson("/v1/models/demo:predict",
        "{\"instances\": [[61.5, \"a\"], [40, \"c\"], [null, \"b\"]]}"));
    assertThat(arrays.get("predictions")).isEqualTo(p);
  }

  @Test
  void native_explain_gives_contributions_that_sum_to_the_margin() {
    JsonNode body = Http.json(http.postJson("/v1/models/demo:predict?explain=true",
        "{\"instances\": [{\"amount\": 61.5, \"kind\": \"a\"}]}"));
    JsonNode contributions = body.get("explanations").get(0);
    double margin = 0;
    for (JsonNode v : contributions) {
      margin += v.asDouble();
    }
    assertThat(contributions.has("bias")).isTrue();
    assertThat(1 / (1 + Math.exp(-margin))).isCloseTo(expected[0], within(1e-4));
  }

  @Test
  void kserve_v2_metadata_and_named_tensors() {
    JsonNode meta = Http.json(http.get("/v2/models/demo"));
    assertThat(meta.get("name").asText()).isEqualTo("demo");
    assertThat(meta.get("versions").get(0).asText()).isEqualTo("7");
    assertThat(meta.get("inputs").findValuesAsText("name")).containsExactly("amount", "kind");
    assertThat(meta.get("inputs").findValuesAsText("datatype")).containsExactly("FP64", "BYTES");
    assertThat(http.get("/v2/health/ready").statusCode()).isEqualTo(200);
    assertThat(http.get("/v2/models/demo/ready").statusCode()).isEqualTo(200);

    HttpResponse<String> r = http.postJson("/v2/models/demo/versions/7/infer", """
        {"id": "req-1", "inputs": [
          {"name": "amount", "shape": [3], "datatype": "FP64", "data": [61.5, 40, null]},
          {"name": "kind", "shape": [3, 1], "datatype": "BYTES", "data": [["a"], ["c"], ["b"]]}],
         "outputs": [{"name": "probability"}]}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = Http.json(r);
    assertThat(body.get("id").asText()).isEqualTo("req-1");
    assertThat(body.get("model_version").asText()).isEqualTo("7");
    assertThat(body.get("outputs")).hasSize(1);
    assertThat(body.get("outputs").get(0).get("datatype").asText()).isEqualTo("FP64");
    assertProbabilities(body.get("outputs").get(0).get("data"));
  }

  @Test
  void mlflow_invocations_in_every_format() {
    String[] bodies = {
        "{\"dataframe_split\": {\"columns\": [\"kind\", \"amount\"],"
            + " \"data\": [[\"a\", 61.5], [\"c\", 40], [\"b\", null]]}}",
        "{\"dataframe_records\": [{\"amount\": 61.5, \"kind\": \"a\"}, {\"amount\": 40,"
            + " \"kind\": \"c\"}, {\"amount\": null, \"kind\": \"b\"}]}",
        "{\"instances\": [{\"amount\": 61.5, \"kind\": \"a\"}, {\"amount\": 40, \"kind\": \"c\"},"
            + " {\"amount\": null, \"kind\": \"b\"}]}",
        "{\"inputs\": {\"amount\": [61.5, 40, null], \"kind\": [\"a\", \"c\", \"b\"]}}"};
    for (String body : bodies) {
      HttpResponse<String> r = http.postJson("/invocations", body);
      assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(200);
      assertProbabilities(Http.json(r).get("predictions").findParents("probability").stream()
          .map(n -> n.get("probability")).collect(
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
              com.fasterxml.jackson.databind.node.ArrayNode::add,
              com.fasterxml.jackson.databind.node.ArrayNode::addAll));
    }
    HttpResponse<String> csv = http.post("/invocations", "text/csv",
        "amount,kind\n61.5,a\n40,c\n,b\n");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(Http.json(csv).get("predictions").get(2).get("probability").asDouble())
        .isCloseTo(expected[2], within(1e-6));
    assertThat(http.get("/ping").statusCode()).isEqualTo(200);
  }

  @Test
  void openapi_describes_each_models_inputs() {
    JsonNode doc = Http.json(http.get("/openapi.json"));
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(doc.get("paths").has("/v1/models/demo:predict")).isTrue();
    JsonNode input = doc.get("components").get("schemas").get("demo_input");
    assertThat(input.get("properties").get("amount").get("type").asText()).isEqualTo("number");
    assertThat(input.get("properties").get("kind").get("description").asText()).contains("a, b, c");
  }

  @Test
  void metrics_are_prometheus_text_labelled_by_model_and_version() {
    http.postJson("/v1/models/demo:predict", "{\"instances\": [[61.5, \"a\"]]}");
    http.postJson("/v1/models/demo:predict", "{\"instances\": [[61.5, \"zzz\"]]}");
    HttpResponse<String> r = http.get("/metrics");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body()).containsPattern(
        "kiln_requests_total\\{code=\"200\",model=\"demo\",protocol=\"native\",version=\"7\"\\}")
        .containsPattern("kiln_requests_total\\{code=\"400\",model=\"demo\"")
        .contains("kiln_request_duration_seconds_bucket{")
        .contains("kiln_batch_rows_bucket{")
        .contains("kiln_prediction_bucket{")
        .contains("kiln_batch_queue_depth{");
  }
}
