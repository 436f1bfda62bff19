package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of client mistakes: each gets its 4xx status and a JSON error naming the problem,
 * and the server keeps answering good requests afterwards.
 */
class BadInputTest {
  private static final String PREDICT = "/v1/models/demo:predict";
  private static final String JSON = "application/json";

  @TempDir static Path dir;
  static ModelServer server;
  static Http http;

  @BeforeAll
  static void start() {
    Path bundle = TestBundles.write(dir.resolve("bundle"), "demo", "1", 0);
    ServingMetrics metrics = new ServingMetrics();
    server = ModelServer.create(cfg -> cfg.metrics(metrics).kilnVersion("test")
        .http(http -> http.address("127.0.0.1", 0).threads(16).maxBodyBytes(4096))
        .models(m -> m.serve(bundle.toString()).maxRows(100)));
    http = new Http("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> corpus() {
    String big = "{\"instances\": [" + "{\"amount\": 1.0, \"kind\": \"a\"},".repeat(200)
        + "{\"amount\": 1.0, \"kind\": \"a\"}]}";
    String manyRows = "{\"instances\": [" + "[1.0, \"a\"],".repeat(100) + "[1.0, \"a\"]]}";
    return Stream.of(
        Arguments.of("malformed JSON", PREDICT, JSON, "{\"instances\": [", 400, "not valid JSON"),
        Arguments.of("trailing garbage", PREDICT, JSON, "{\"instances\": []} x", 400,
            "not valid JSON"),
        Arguments.of("empty body", PREDICT, JSON, "", 400, "empty"),
        Arguments.of("body is a list", PREDICT, JSON, "[1, 2]", 400, "must be a JSON object"),
        Arguments.of("no instances", PREDICT, JSON, "{\"rows\": []}", 400, "'instances'"),
        Arguments.of("empty instances", PREDICT, JSON, "{\"instances\": []}", 400, "empty"),
        Arguments.of("instances not a list", PREDICT, JSON, "{\"instances\": 3}", 400,
            "must be an array"),
        Arguments.of("string for a number", PREDICT, JSON,
            "{\"instances\": [{\"amount\": \"12\", \"kind\": \"a\"}]}", 400,
            "Field 'amount' of row 0 must be a number, got the string \"12\""),
        Arguments.of("number for a string", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 12, \"kind\": 3}]}", 400,
            "Field 'kind' of row 0 must be a string"),
        Arguments.of("NaN", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": \"a\"}, {\"amount\": NaN, \"kind\": \"a\"}]}",
            400, "Field 'amount' of row 1 is NaN"),
        Arguments.of("Infinity", PREDICT, JSON,
            "{\"instances\": [{\"amount\": Infinity, \"kind\": \"a\"}]}", 400, "finite number"),
        Arguments.of("missing field", PREDICT, JSON, "{\"instances\": [{\"amount\": 1}]}", 400,
            "Row 0 has no field 'kind'"),
        Arguments.of("null where never missing", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": null}]}", 400,
            "Field 'kind' of row 0 is null"),
        Arguments.of("unknown field", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": \"a\", \"colour\": \"red\"}]}", 400,
            "Row 0 has unknown field 'colour'"),
        Arguments.of("unknown category", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": \"zebra\"}]}", 400, "zebra"),
        Arguments.of("row of wrong length", PREDICT, JSON, "{\"instances\": [[1.0]]}", 400,
            "must be an array of 2 values"),
        Arguments.of("row neither object nor list", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": \"a\"}, 5]}", 400, "Row 1"),
        Arguments.of("too many rows", PREDICT, JSON, manyRows, 413, "at most 100"),
        Arguments.of("oversized body", PREDICT, JSON, big, 413, "larger than the limit"),
        Arguments.of("form content type", PREDICT, "application/x-www-form-urlencoded",
            "{\"instances\": [[1, \"a\"]]}", 415, "Content-Type"),
        Arguments.of("latin-1 charset", PREDICT, "application/json; charset=iso-8859-1",
            "{\"instances\": [[1, \"a\"]]}", 415, "Charset"),
        Arguments.of("unknown model", "/v1/models/nope:predict", JSON,
            "{\"instances\": [[1, \"a\"]]}", 404, "No model named 'nope'"),
        Arguments.of("unknown verb", "/v1/models/demo:frobnicate", JSON,
            "{\"instances\": [[1, \"a\"]]}", 404, "Unknown endpoint"),
        Arguments.of("unknown version", "/v2/models/demo/versions/9/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1]}]}", 404, "no version '9'"),
        Arguments.of("unknown route", "/v3/anything", JSON, "{}", 404, "No endpoint"),
        Arguments.of("v2 no inputs", "/v2/models/demo/infer", JSON, "{}", 400, "'inputs'"),
        Arguments.of("v2 wrong datatype", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"kind\", \"shape\": [1], \"datatype\": \"FP32\","
                + " \"data\": [1]}]}", 400, "datatype 'FP32'"),
        Arguments.of("v2 shape mismatch", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [2], \"datatype\": \"FP64\","
                + " \"data\": [1]}, {\"name\": \"kind\", \"shape\": [1], \"datatype\": \"BYTES\","
                + " \"data\": [\"a\"]}]}", 400, "needs 2"),
        Arguments.of("v2 unknown tensor", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1]}, {\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1]}]}", 400, "Unknown input tensor 'x'"),
        Arguments.of("v2 missing tensor", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1]}]}", 400, "no field 'kind'"),
        Arguments.of("mlflow two formats", "/invocations", JSON,
            "{\"instances\": [[1, \"a\"]], \"inputs\": [[1, \"a\"]]}", 400, "exactly one"),
        Arguments.of("mlflow unknown key", "/invocations", JSON, "{\"data\": []}", 400,
            "Unknown key 'data'"),
        Arguments.of("mlflow bad split", "/invocations", JSON,
            "{\"dataframe_split\": {\"columns\": [\"amount\", \"shape\"], \"data\": [[1, 2]]}}",
            400, "Unknown field 'shape'"),
        Arguments.of("mlflow repeated column", "/invocations", JSON,
            "{\"dataframe_split\": {\"columns\": [\"amount\", \"amount\"], \"data\": [[1, 2]]}}",
            400, "given twice"),
        Arguments.of("mlflow bad csv number", "/invocations", "text/csv", "amount,kind\nabc,a\n",
            400, "must be a number"),
        Arguments.of("mlflow csv column twice", "/invocations", "text/csv",
            "amount,kind,amount\n1,a,2\n", 400, "Column 'amount' is given twice"),
        Arguments.of("mlflow csv without header", "/invocations", "text/csv", "1.0,a\n2.0,b\n",
            400, "no header row"),
        Arguments.of("mlflow csv header only", "/invocations", "text/csv", "amount,kind\n", 400,
            "a header but no rows"),
        Arguments.of("mlflow csv empty", "/invocations", "text/csv", "", 400, "CSV body is empty"),
        Arguments.of("mlflow csv ragged", "/invocations", "text/csv", "amount,kind\n1\n", 400,
            "Row 0 of 'CSV rows' must be an array of 2 values"),
        Arguments.of("mlflow records field twice", "/invocations", JSON,
            "{\"dataframe_records\": [{\"amount\": 1, \"kind\": \"a\"},"
                + " {\"kind\": \"a\", \"amount\": 1, \"kind\": \"b\"}]}", 400,
            "Field 'kind' is given twice in 'dataframe_records[1]'"),
        Arguments.of("mlflow instances field twice", "/invocations", JSON,
            "{\"instances\": [{\"amount\": 1, \"amount\": 2, \"kind\": \"a\"}]}", 400,
            "Field 'amount' is given twice in 'instances[0]'"),
        Arguments.of("mlflow inputs column twice", "/invocations", JSON,
            "{\"inputs\": {\"amount\": [1], \"kind\": [\"a\"], \"amount\": [2]}}", 400,
            "Field 'amount' is given twice in 'inputs'"),
        Arguments.of("mlflow split key twice", "/invocations", JSON,
            "{\"dataframe_split\": {\"columns\": [\"amount\", \"kind\"], \"data\": [[1, \"a\"]],"
                + " \"columns\": [\"kind\", \"amount\"]}}", 400,
            "Field 'columns' is given twice in 'dataframe_split'"),
        Arguments.of("native field twice", PREDICT, JSON,
            "{\"instances\": [{\"amount\": 1, \"kind\": \"a\", \"amount\": 2}]}", 400,
            "Field 'amount' is given twice in 'instances[0]' (line 1, column"),
        Arguments.of("native key twice", PREDICT, JSON,
            "{\"instances\": [[1, \"a\"]], \"instances\": [[2, \"a\"]]}", 400,
            "Field 'instances' is given twice in the request body"),
        Arguments.of("v2 input twice", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1]}, {\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [2]}]}", 400, "Input tensor 'amount' is given twice"),
        Arguments.of("v2 tensor key twice", "/v2/models/demo/infer", JSON,
            "{\"inputs\": [{\"name\": \"amount\", \"shape\": [1], \"datatype\": \"FP64\","
                + " \"data\": [1], \"name\": \"kind\"}]}", 400,
            "Field 'name' is given twice in 'inputs[0]'"),
        Arguments.of("long string echoed cut", PREDICT, JSON,
            "{\"instances\": [{\"amount\": \"" + "x".repeat(3000) + "\", \"kind\": \"a\"}]}", 400,
            "got the string '" + "x".repeat(80) + "…' (3,000 characters)"),
        Arguments.of("long field name echoed cut", PREDICT, JSON,
            "{\"instances\": [{\"" + "y".repeat(3000) + "\": 1}]}", 400,
            "unknown field '" + "y".repeat(80) + "…' (3,000 characters)"),
        Arguments.of("mlflow xml", "/invocations", "application/xml", "<a/>", 415,
            "text/csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void client_mistakes_get_a_4xx_naming_the_problem(String name, String path,
      String contentType, String body, int status, String message) {
    HttpResponse<String> r = http.post(path, contentType, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode error = Http.json(r);
    assertThat(error.get("error").asText()).contains(message);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.body().length()).as("errors never echo unbounded values").isLessThan(800);
    HttpResponse<String> good = http.postJson(PREDICT, "{\"instances\": [[1.0, \"a\"]]}");
    assertThat(good.statusCode()).isEqualTo(200);
  }

  @Test
  void a_known_path_with_the_wrong_method_is_405_naming_the_allowed_ones() {
    HttpResponse<String> get = http.get("/invocations");
    assertThat(get.statusCode()).as(get.body()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(Http.json(get).get("error").asText())
        .isEqualTo("Method GET is not allowed on /invocations; use POST.");

    HttpResponse<String> post = http.postJson("/v2/health/ready", "{}");
    assertThat(post.statusCode()).as(post.body()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

    assertThat(http.get("/v3/anything").statusCode()).isEqualTo(404);
  }
}
