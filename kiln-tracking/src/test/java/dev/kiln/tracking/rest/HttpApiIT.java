package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the REST API over plain HTTP, checking MLflow's paths, bodies, error codes and auth. */
class HttpApiIT {
  private static final String API = "/api/2.0/mlflow/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private String token;

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path));
    if (json != null) {
      req.header("Content-Type", "application/json");
    }
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    req.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aliases_setGetDelete_followMlflowProtocol() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      base = "http://127.0.0.1:" + server.port() + "/api/2.0/mlflow/";
      assertThat(send("POST", "registered-models/create", "{\"name\":\"fraud\"}").statusCode())
          .isEqualTo(200);
      HttpResponse<String> v1 = send("POST", "model-versions/create",
          "{\"name\":\"fraud\",\"source\":\"s3://b/m1\"}");
      assertThat(v1.body()).contains("\"version\":\"1\"", "\"source\":\"s3://b/m1\"");
      assertThat(send("POST", "registered-models/alias",
          "{\"name\":\"fraud\",\"alias\":\"champion\",\"version\":\"1\"}").body()).isEqualTo("{}");
      assertThat(send("GET", "registered-models/alias?name=fraud&alias=champion", null).body())
          .contains("\"version\":\"1\"");
      assertThat(send("GET", "registered-models/get?name=fraud", null).body())
          .contains("{\"alias\":\"champion\",\"version\":\"1\"}");
      send("DELETE", "registered-models/alias", "{\"name\":\"fraud\",\"alias\":\"champion\"}");

      HttpResponse<String> gone = send("GET", "registered-models/alias?name=fraud&alias=champion",
          null);
      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(gone.body()).contains("\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"");
      HttpResponse<String> noType = send("POST", "registered-models/create", null);
      assertThat(noType.statusCode()).isEqualTo(400);
      assertThat(noType.body()).contains("INVALID_PARAMETER_VALUE", "Content-Type");
      HttpResponse<String> missing = send("POST", "model-versions/create", "{\"name\":\"fraud\"}");
      assertThat(missing.body()).contains("required parameter 'source'");
    }
  }

  @Test
  void artifacts_putListGetDelete_overHttp() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      base = "http://127.0.0.1:" + server.port() + "/api/2.0/mlflow-artifacts/artifacts";
      assertThat(send("PUT", "/run1/model/bundle.json", "{\"v\":1}").statusCode()).isEqualTo(200);
      HttpResponse<String> got = send("GET", "/run1/model/bundle.json", null);
      assertThat(got.body()).isEqualTo("{\"v\":1}");
      assertThat(got.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=bundle.json");
      assertThat(send("GET", "?path=run1/model", null).body())
          .isEqualTo("{\"files\":[{\"path\":\"bundle.json\",\"is_dir\":false,\"file_size\":7}]}");
      send("DELETE", "/run1/model", null);
      assertThat(send("GET", "/run1/model/bundle.json", null).statusCode()).isEqualTo(404);
      HttpResponse<String> escape = send("PUT", "/run1/%2E%2E/%2E%2E/x", "{}");
      assertThat(escape.statusCode()).isEqualTo(400);
      assertThat(escape.body()).contains("'..' segment");
    }
  }

  /** Sends a request and checks the status and, for errors, MLflow's error code. */
  private JsonNode expect(int status, String method, String path, String json) throws Exception {
    HttpResponse<String> r = send(method, path, json);
    assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  @Test
  void experimentsAndRuns_searchTagsAndArtifactList_overHttp() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      base = "http://127.0.0.1:" + server.port();
      for (String name : List.of("fraud-a", "fraud-b", "cars")) {
        expect(200, "POST", API + "experiments/create", "{\"name\":\"" + name + "\"}");
      }
      JsonNode page = expect(200, "GET", API + "experiments/search?filter="
          + "name%20LIKE%20'fraud%25'&max_results=1&order_by=name", null);
      assertThat(page.at("/experiments/0/name").asText()).isEqualTo("fraud-a");
      JsonNode next = expect(200, "POST", API + "experiments/search", "{\"filter\":\"name LIKE "
          + "'fraud%'\",\"max_results\":1,\"order_by\":[\"name\"],\"page_token\":\""
          + page.path("next_page_token").asText() + "\"}");
      assertThat(next.at("/experiments/0/name").asText()).isEqualTo("fraud-b");
      String exp = next.at("/experiments/0/experiment_id").asText();
      expect(200, "POST", API + "experiments/set-experiment-tag",
          "{\"experiment_id\":\"" + exp + "\",\"key\":\"team\",\"value\":\"risk\"}");
      expect(200, "POST", API + "experiments/delete-experiment-tag",
          "{\"experiment_id\":\"" + exp + "\",\"key\":\"team\"}");

      JsonNode run = expect(200, "POST", API + "runs/create",
          "{\"experiment_id\":\"" + exp + "\"}");
      String runId = run.at("/run/info/run_id").asText();
      String root = "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId + "/artifacts/";
      expect(200, "PUT", root + "model/bundle.json", "{\"v\":1}");
      expect(200, "PUT", root + "report.html", "<p>");
      JsonNode top = expect(200, "GET", API + "artifacts/list?run_id=" + runId, null);
      assertThat(top.path("root_uri").asText()).endsWith("/" + exp + "/" + runId + "/artifacts");
      assertThat(top.path("files").toString()).isEqualTo("[{\"path\":\"model\",\"is_dir\":true},"
          + "{\"path\":\"report.html\",\"is_dir\":false,\"file_size\":3}]");
      assertThat(expect(200, "GET", API + "artifacts/list?run_id=" + runId + "&path=model", null)
          .at("/files/0/path").asText()).isEqualTo("model/bundle.json");
      for (String bad : List.of("..", "model/../../x", "/etc", "%2Fetc")) {
        JsonNode err = expect(400, "GET", API + "artifacts/list?run_id=" + runId + "&path=" + bad,
            null);
        assertThat(err.path("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
      }
    }
  }

  @Test
  void clientMistakes_getMlflowErrorCodes_neverServerErrors() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      base = "http://127.0.0.1:" + server.port() + API;
      assertThat(expect(404, "GET", "runs/get?run_id=nope", null).path("error_code").asText())
          .isEqualTo("RESOURCE_DOES_NOT_EXIST");
      expect(404, "POST", "runs/restore", "{\"run_id\":\"nope\"}");
      assertThat(expect(404, "GET", "runs/nope", null).path("error_code").asText())
          .isEqualTo("ENDPOINT_NOT_FOUND");
      expect(404, "PUT", "runs/get", "{}");
      expect(404, "POST", "experiments/restore", "{\"experiment_id\":\"nope\"}");
      expect(404, "GET", "artifacts/list?run_id=nope", null);
      expect(404, "GET", "registered-models/get-latest-versions?name=nope", null);
      expect(400, "GET", "experiments/search?max_results=0", null);
      expect(400, "GET", "experiments/search?view_type=SOME", null);
      expect(400, "POST", "runs/search", "{\"experiment_ids\":[],\"filter\":\"\"}");
      expect(400, "POST", "runs/log-metric", "{\"run_id\":\"x\",\"key\":\"k\",\"value\":\"high\","
          + "\"timestamp\":1}");
      expect(400, "POST", "experiments/create", "[1, 2]");
      expect(400, "POST", "experiments/create", "{not json");
      expect(200, "POST", "registered-models/create", "{\"name\":\"m\"}");
      expect(200, "POST", "model-versions/create", "{\"name\":\"m\",\"source\":\"s3://b/1\"}");
      expect(400, "GET", "model-versions/get?name=m&version=one", null);
      expect(404, "GET", "model-versions/get?name=m&version=7", null);
      expect(400, "GET", "registered-models/search?max_results=5000", null);
      expect(400, "GET", "registered-models/search?filter=colour%3D'x'", null);
      expect(400, "POST", "model-versions/transition-stage", "{\"name\":\"m\",\"version\":1,"
          + "\"stage\":\"Prod\",\"archive_existing_versions\":false}");
      expect(400, "POST", "model-versions/transition-stage", "{\"name\":\"m\",\"version\":1,"
          + "\"stage\":\"Staging\"}");
      expect(404, "DELETE", "registered-models/delete-tag", "{\"name\":\"m\",\"key\":\"k\"}");
      expect(400, "POST", "registered-models/rename", "{\"name\":\"m\",\"new_name\":\"m\"}");
    }
  }

  @Test
  void registry_searchUpdateTagsAndStages_overHttp() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      base = "http://127.0.0.1:" + server.port() + API;
      for (String name : List.of("fraud-xgb", "fraud-lr", "cars")) {
        expect(200, "POST", "registered-models/create", "{\"name\":\"" + name + "\"}");
      }
      JsonNode first = expect(200, "GET", "registered-models/search?filter=name%20LIKE%20"
          + "'%25fraud%25'&max_results=1", null);
      assertThat(first.at("/registered_models/0/name").asText()).isEqualTo("fraud-lr");
      assertThat(expect(200, "GET", "registered-models/search?filter=name%20LIKE%20'%25fraud%25'"
          + "&max_results=1&page_token=" + first.path("next_page_token").asText(), null)
          .at("/registered_models/0/name").asText()).isEqualTo("fraud-xgb");
      assertThat(expect(200, "PATCH", "registered-models/update",
          "{\"name\":\"cars\",\"description\":\"prices\"}").at("/registered_model/description")
          .asText()).isEqualTo("prices");
      expect(200, "POST", "registered-models/set-tag",
          "{\"name\":\"cars\",\"key\":\"k\",\"value\":\"v\"}");
      expect(200, "DELETE", "registered-models/delete-tag", "{\"name\":\"cars\",\"key\":\"k\"}");
      expect(200, "POST", "model-versions/create", "{\"name\":\"cars\",\"source\":\"s3://c/1\"}");
      expect(200, "POST", "model-versions/set-tag",
          "{\"name\":\"cars\",\"version\":\"1\",\"key\":\"ok\",\"value\":\"yes\"}");
      expect(200, "DELETE", "model-versions/delete-tag",
          "{\"name\":\"cars\",\"version\":\"1\",\"key\":\"ok\"}");
      JsonNode staged = expect(200, "POST", "model-versions/transition-stage", "{\"name\":\"cars\","
          + "\"version\":\"1\",\"stage\":\"staging\",\"archive_existing_versions\":\"true\"}");
      assertThat(staged.at("/model_version/current_stage").asText()).isEqualTo("Staging");
      assertThat(expect(200, "POST", "registered-models/get-latest-versions",
          "{\"name\":\"cars\",\"stages\":[\"Staging\"]}").at("/model_versions/0/version").asText())
          .isEqualTo("1");
      assertThat(expect(200, "GET", "model-versions/get-download-uri?name=cars&version=1", null)
          .path("artifact_uri").asText()).isEqualTo("s3://c/1");
    }
  }

  @Test
  void token_requiredOnEveryApiPath_comparedExactly() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")),
            ServerOptions.port(0).withToken("t0ken"))) {
      base = "http://127.0.0.1:" + server.port();
      JsonNode missing = expect(401, "GET", API + "experiments/search", null);
      assertThat(missing.path("error_code").asText()).isEqualTo("UNAUTHENTICATED");
      expect(401, "GET", "/api/2.0/mlflow-artifacts/artifacts?path=x", null);
      token = "t0ke";
      expect(401, "GET", API + "experiments/search", null);
      token = "t0ken ";
      expect(200, "GET", API + "experiments/search", null);
      token = "t0ken";
      expect(200, "POST", API + "experiments/create", "{\"name\":\"e\"}");
      expect(200, "GET", "/api/2.0/mlflow-artifacts/artifacts?path=x", null);
    }
  }
}
