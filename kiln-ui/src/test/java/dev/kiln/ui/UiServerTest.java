package dev.kiln.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.project.Project;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.DriftCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.DataProfile;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI server's JSON endpoints, assets and authentication over a small project. */
class UiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";

  @TempDir Path dir;
  private TrackingStore store;
  private UiServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String runId;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"),
        "name: ui-test\npipelines: dev.kiln.ui.TestPipelines\n");
    Files.writeString(dir.resolve("conf/base/catalog.yml"), "raw:\n  type: csv\n"
        + "  filepath: data/01_raw/raw.csv\nfeatures:\n  type: parquet\n"
        + "  filepath: data/04_feature/features.parquet\nreport:\n  type: json\n"
        + "  filepath: data/08_reporting/report.json\n");
    Files.createDirectories(dir.resolve("data/01_raw"));
    Files.writeString(dir.resolve("data/01_raw/raw.csv"), "a,b\n1,x\n2,y\n3,z\n");
    store = TrackingStores.sqlite(dir.resolve(".kiln/tracking.db"));
    String experiment = store.createExperiment("ui-test/__default__", Map.of()).id();
    runId = store.createRun(experiment, "first", Map.of("kiln.outputs", "features")).id();
    store.logBatch(runId, new LogBatch(List.of(new Metric("metrics.auc", 0.9, 1, 0),
        new Metric("metrics.auc", 0.95, 2, 1)), Map.of("seed", "7"), Map.of()));
    store.logInputs(runId, List.of(new DatasetInput("raw", dir.resolve("data/01_raw/raw.csv")
        .toString(), null, "abc123", 3, null)));
    store.updateRun(runId, RunStatus.FINISHED, System.currentTimeMillis());
    writeReport(dir.resolve(".kiln/monitoring/m"));
    Project project = Project.open(dir, "local", List.of());
    server = UiServer.start(new Workspace(project, store, ArtifactStores.local(
        dir.resolve(".kiln/artifacts")), dir.resolve(".kiln/monitoring"),
        Workspace.Servers.none()), UiOptions.loopback(0).withToken(TOKEN)
        .withAllowedHosts(List.of("kiln.corp.example")));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private static void writeReport(Path folder) throws Exception {
    Files.createDirectories(folder);
    DataProfile ref = DataProfile.of(Frame.of(DoubleColumn.of("x", 1, 2, 3, 4, 5)));
    DataProfile cur = DataProfile.of(Frame.of(DoubleColumn.of("x", 7, 8, 9, 9, 9)));
    MonitorReport report = new MonitorReport("m", "3", "2026-01-01T00:00:00Z", "batch.csv", 5,
        5, new DriftCheck.Result(new DriftReport(List.of(new ColumnDrift("x", "wasserstein~",
            3.5, 0.1, true)), 1, 0.5, true), null), List.of(window("2026-01-01T00:00:00Z", 0.9)));
    Files.writeString(folder.resolve("report-20260101-000000.json"), report.toJson());
    // a day later: the first window again with more labels, and a decayed second window
    MonitorReport later = new MonitorReport("m", "3", "2026-01-02T00:00:00Z", "batch2.csv", 5, 5,
        report.drift(), List.of(window("2026-01-02T00:00:00Z", 0.7),
            window("2026-01-01T00:00:00Z", 0.85)));
    Files.writeString(folder.resolve("report-20260102-000000.json"), later.toJson());
    Files.writeString(folder.resolve("report-20260101-000000" + DriftCharts.PROFILES_SUFFIX),
        DriftCharts.profilesJson(ref, cur));
  }

  private static DecayCheck.Window window(String start, double auc) {
    return new DecayCheck.Window(Instant.parse(start), 100, "roc_auc", auc, 0.9, auc < 0.8);
  }

  private HttpResponse<String> get(String path, boolean signed) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.port() + path));
    if (signed) {
      r.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> res = get(path, true);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  @Test
  void assets_needNoToken_butData_does() throws Exception {
    assertThat(get("/ui/", false).body()).contains("<script type=\"module\"");
    assertThat(get("/ui/assets/js/app.js", false).statusCode()).isEqualTo(200);
    assertThat(get("/ui/assets/vendor/uPlot.iife.min.js", false).body()).contains("uPlot");
    HttpResponse<String> refused = get("/ui/api/pipelines", false);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(refused.body()).path("error_code").asText())
        .isEqualTo("UNAUTHENTICATED");
    assertThat(get("/api/2.0/mlflow/experiments/search", false).statusCode()).isEqualTo(401);
    HttpResponse<String> traversal = get("/ui/assets/%2e%2e/%2e%2e/etc/passwd", false);
    assertThat(traversal.statusCode()).isIn(400, 404);
    assertThat(traversal.body()).doesNotContain("root:");
  }

  /** Sends a raw signed HTTP/1.1 request with a chosen Host header (HttpClient cannot). */
  private String raw(String host, String path, String body) throws Exception {
    String method = body == null ? "GET" : "POST";
    String content = body == null ? "" : body;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
          + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length()
          + "\r\nConnection: close\r\n\r\n" + content).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void hostHeader_foreignDomain_is403EvenWithToken_loopbackIpAndAllowedNamesServed()
      throws Exception {
    String rebound = raw("attacker.example", "/api/2.0/mlflow/experiments/create",
        "{\"name\":\"planted\"}");
    assertThat(rebound).startsWith("HTTP/1.1 403").contains("PERMISSION_DENIED",
        "Host 'attacker.example' is not allowed", "DNS rebinding");
    assertThat(raw("attacker.example", "/ui/api/pipelines", null)).startsWith("HTTP/1.1 403");
    assertThat(raw("attacker.example", "/ui/", null)).startsWith("HTTP/1.1 403");
    assertThat(raw("localhost", "/api/2.0/mlflow/experiments/get-by-name"
        + "?experiment_name=planted", null)).startsWith("HTTP/1.1 404");
    for (String ok : List.of("localhost:" + server.port(), "127.0.0.1", "[::1]:1",
        "kiln.corp.example")) {
      assertThat(raw(ok, "/ui/api/pipelines", null)).as(ok).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void pipeline_hasLayersInFolderOrder_namespacesTagsAndSources() throws Exception {
    JsonNode graph = json("/ui/api/pipelines/__default__");
    assertThat(graph.path("layers").toString()).isEqualTo("[\"raw\",\"feature\",\"reporting\"]");
    assertThat(graph.path("namespaces").toString()).isEqualTo("[\"scoring\"]");
    assertThat(graph.path("tags").toString()).isEqualTo("[\"prep\",\"train\"]");
    JsonNode prepare = graph.path("nodes").get(0);
    assertThat(prepare.path("name").asText()).isEqualTo("prepare");
    assertThat(prepare.path("source").path("class").asText())
        .isEqualTo("dev.kiln.ui.TestPipelines");
    assertThat(graph.path("datasets").findValuesAsText("name"))
        .contains("raw", "features", "scoring.model", "report");
  }

  @Test
  void dataset_detail_previewsTheFirstRows_andTheRecordedRowCount() throws Exception {
    JsonNode raw = json("/ui/api/datasets/raw");
    assertThat(raw.path("type").asText()).isEqualTo("csv");
    assertThat(raw.path("layer").asText()).isEqualTo("raw");
    assertThat(raw.path("rows").asLong()).isEqualTo(3);
    assertThat(raw.path("preview").path("rows").toString()).isEqualTo(
        "[[1,\"x\"],[2,\"y\"],[3,\"z\"]]");
    HttpResponse<String> missing = get("/ui/api/pipelines/nope", true);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("Pipeline 'nope' not found");
  }

  @Test
  void runs_comeFromTheMlflowApi_withLineageFromTheUi() throws Exception {
    HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.port() + "/api/2.0/mlflow/runs/search"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"experiment_ids\":[\"" + store.getRun(runId).experimentId() + "\"],"
                + "\"filter\":\"metrics.`metrics.auc` > 0.9\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(JSON.readTree(search.body()).path("runs")).hasSize(1);
    JsonNode extras = json("/ui/api/runs/" + runId + "/extras");
    assertThat(extras.path("lineage").get(0).path("name").asText()).isEqualTo("raw");
    assertThat(extras.path("lineage").get(0).path("direction").asText()).isEqualTo("read");
  }

  @Test
  void monitoringReport_explainsTheVerdict_withAHistogramPerColumn() throws Exception {
    assertThat(json("/ui/api/monitoring").path("models").get(0).path("model").asText())
        .isEqualTo("m");
    JsonNode report = json("/ui/api/monitoring/m/report-20260101-000000");
    assertThat(report.path("verdict_text").asText()).isEqualTo(
        "1 of 1 columns drifted (100%); the dataset is flagged at 50%: dataset drift");
    JsonNode x = report.path("columns").get(0);
    assertThat(x.path("svg").asText()).startsWith("<svg class=\"hist\"");
    assertThat(x.path("change_text").asText()).isEqualTo("mean 3 → 8.4");
    assertThat(json("/ui/api/monitoring/m").path("reports").get(0).path("drift_share")
        .asDouble()).isEqualTo(1.0);
  }

  @Test
  void monitoringSeries_decayWindowsByStart_aWindowMeasuredAgainKeepsItsLatestValue()
      throws Exception {
    JsonNode decay = json("/ui/api/monitoring/m").path("decay");
    assertThat(decay).hasSize(2);
    assertThat(decay.get(0).path("start").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(decay.get(0).path("value").asDouble()).isEqualTo(0.85);
    assertThat(decay.get(1).path("value").asDouble()).isEqualTo(0.7);
    assertThat(decay.get(1).path("decayed").asBoolean()).isTrue();
  }
}
