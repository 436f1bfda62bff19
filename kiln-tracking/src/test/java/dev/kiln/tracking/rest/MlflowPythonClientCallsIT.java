package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the requests MLflow's Python client sends for {@code start_run}, {@code log_metric(s)},
 * {@code log_batch}, {@code set_tag}, {@code log_artifact}, {@code register_model} and more
 * (written down in {@code mlflow/python-client-2.17.yml} from MLflow's source and REST reference)
 * against Kiln's server on SQLite and on PostgreSQL, checking every answer the client relies on.
 */
class MlflowPythonClientCallsIT {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
  private static EmbeddedPostgres postgres;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void recordedPythonClientCalls_sqlite_answeredAsMlflow() throws Exception {
    replay(StoreConfig.sqlite(dir.resolve("kiln.db")));
  }

  @Test
  void recordedPythonClientCalls_postgres_answeredAsMlflow() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE python_calls");
    }
    replay(new StoreConfig(postgres.getJdbcUrl("postgres", "python_calls"), "postgres",
        "postgres", dir.resolve("artifacts").toUri().toString(), Duration.ofSeconds(10),
        Duration.ofSeconds(60)));
  }

  private void replay(StoreConfig config) throws Exception {
    JsonNode steps;
    try (InputStream in = getClass().getResourceAsStream("/mlflow/python-client-2.17.yml")) {
      steps = YAML.readTree(in);
    }
    assertThat(steps.size()).isGreaterThan(20);
    Map<String, String> vars = new HashMap<>();
    try (TrackingStore store = TrackingStores.open(config);
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      String base = "http://127.0.0.1:" + server.port();
      for (JsonNode step : steps) {
        check(step, send(base, step, vars), vars);
      }
    }
  }

  private HttpResponse<String> send(String base, JsonNode step, Map<String, String> vars)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base
        + substitute(step.path("path").asText(), vars)));
    String method = step.path("method").asText();
    if (step.has("body")) {
      String type = step.path("content_type").asText("application/json");
      request.header("Content-Type", type).method(method,
          HttpRequest.BodyPublishers.ofString(substitute(step.path("body").asText(), vars)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void check(JsonNode step, HttpResponse<String> response,
      Map<String, String> vars) throws Exception {
    String call = step.path("call").asText() + " -> " + step.path("method").asText() + " "
        + step.path("path").asText();
    assertThat(response.statusCode()).as(call + ": " + response.body())
        .isEqualTo(step.path("status").asInt());
    if (step.has("text_is")) {
      assertThat(response.body()).as(call).isEqualTo(step.path("text_is").asText());
      return;
    }
    JsonNode body = JSON.readTree(response.body());
    if (step.has("body_is")) {
      assertThat(body).as(call).isEqualTo(JSON.readTree(step.path("body_is").asText()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = step.path("capture").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> capture = it.next();
      JsonNode value = body.at(capture.getValue().asText());
      assertThat(value.isMissingNode()).as(call + ": " + capture.getValue() + " in "
          + response.body()).isFalse();
      vars.put(capture.getKey(), value.asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = step.path("expect").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> expect = it.next();
      assertThat(body.at(expect.getKey()).asText()).as(call + ": " + expect.getKey() + " in "
          + response.body()).isEqualTo(substitute(expect.getValue().asText(), vars));
    }
  }

  private static String substitute(String text, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      assertThat(value).as("variable ${" + m.group(1) + "} captured earlier").isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }
}
