package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the registry and artifact endpoints over real HTTP, checking MLflow's paths, bodies and codes. */
class HttpApiIT {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path));
    if (json != null) {
      req.header("Content-Type", "application/json");
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
}
