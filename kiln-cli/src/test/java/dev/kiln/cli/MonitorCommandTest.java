package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path bundle;

  /** {@code amount} (normal, mean 50 + shift) and {@code kind} (a/b/c) predicting a label. */
  static Frame data(int n, long seed, double shift) {
    Random r = new Random(seed);
    double[] amount = new double[n];
    String[] kind = new String[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      amount[i] = r.nextGaussian() * 10 + 50 + shift;
      kind[i] = new String[] {"a", "b", "c"}[r.nextInt(3)];
      y[i] = (amount[i] - 50) / 10 + (kind[i].equals("a") ? 1 : -0.5) + r.nextGaussian() > 0
          ? 1 : 0;
    }
    return Frame.of(DoubleColumn.of("amount", amount), StringColumn.of("kind", kind),
        DoubleColumn.of("label", y));
  }

  @BeforeAll
  static void writeBundle() {
    Frame train = data(2000, 1, 0);
    FittedPreprocessor prep = new Preprocessor(List.of(new OneHotEncoder(List.of("kind"),
        "error"))).fit(train);
    Model model = new dev.kiln.ml.xgboost.XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        Map.of("max_depth", 2, "eta", 0.3), 10, 0).fit(TrainingData.of(prep.transform(train),
        "label"), null);
    bundle = dir.resolve("bundle");
    ModelBundle.write(BundleSpec.builder("demo", "1").model(model, prep)
        .trainedOn(train, "label").threshold(0.5)
        .metrics(Map.of("accuracy", 0.8, "roc_auc", 0.85)).build(), bundle);
  }

  record Result(int code, String out, String err) {}

  static Result kiln(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  static Path csv(String name, Frame frame) {
    Path file = dir.resolve(name);
    FrameWriter.write(frame, file, FileFormat.CSV);
    return file;
  }

  @Test
  void file_withoutDrift_exits0_andWritesReports() throws Exception {
    Path reports = dir.resolve("reports-ok");
    Result r = kiln("monitor", bundle.toString(), "--current", csv("same.csv",
        data(1500, 2, 0)).toString(), "--report-dir", reports.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("amount", "kind", "probability", "Dataset drift: no",
        "Prediction drift: no");
    JsonNode latest = JSON.readTree(reports.resolve("latest.json").toFile());
    assertThat(latest.path("dataset_drift").asBoolean()).isFalse();
    assertThat(latest.path("prediction").path("column").asText()).isEqualTo("probability");
    assertThat(latest.path("columns")).hasSize(2);
    String html = Files.readString(Path.of(r.out().split("Report: ")[1].trim()));
    String[] cards = html.split("<section class=\"card\">");
    assertThat(cards).as("the prediction and two inputs, one chart each").hasSize(4);
    for (int i = 1; i < cards.length; i++) {
      assertThat(cards[i]).contains("<svg class=\"hist\"");
    }
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link")
        .contains("0 of 2 columns drifted (0%); the dataset is flagged at 50%");
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the profiles the UI draws the same charts from")
          .anyMatch(n -> n.endsWith(".profiles.json"));
    }
  }

  @Test
  void file_withInjectedDrift_exits4_namingTheColumn_andAlertsTheWebhook() throws Exception {
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CompletableFuture<String> received = new CompletableFuture<>();
    hook.createContext("/alert", exchange -> {
      received.complete(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    hook.start();
    try {
      Result r = kiln("monitor", bundle.toString(), "--current", csv("drifted.csv",
          data(1500, 3, 15)).toString(), "--report-dir", dir.resolve("reports-drift").toString(),
          "--webhook", "http://127.0.0.1:" + hook.getAddress().getPort() + "/alert");
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.CHECK_FAILED);
      assertThat(r.out()).containsPattern("amount +wasserstein~ +[0-9.]+ +0.1000  DRIFT")
          .contains("Dataset drift: YES");
      JsonNode alert = JSON.readTree(received.get(10, TimeUnit.SECONDS));
      assertThat(alert.path("model").asText()).isEqualTo("demo");
      assertThat(alert.path("dataset_drift").asBoolean()).isTrue();
      assertThat(alert.path("drifted_columns").get(0).path("column").asText())
          .isEqualTo("amount");
      assertThat(alert.path("report").asText()).endsWith(".html");
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void webhookFailure_isReported_butKeepsTheExitCode() {
    Result r = kiln("monitor", bundle.toString(), "--current", csv("drifted2.csv",
        data(500, 4, 15)).toString(), "--report-dir", dir.resolve("reports-fail").toString(),
        "--webhook", "http://127.0.0.1:1/alert");
    assertThat(r.code()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.err()).contains("the alert was not delivered", "127.0.0.1:1");
  }

  @Test
  void fromLogs_withLabels_reportsDecayPerWindow() throws Exception {
    LoadedBundle loaded = ModelBundle.load(bundle);
    Frame rows = data(400, 5, 0);
    Frame predicted = loaded.predict(rows);
    Path logs = dir.resolve("log");
    Files.createDirectories(logs);
    StringBuilder log = new StringBuilder();
    StringBuilder labels = new StringBuilder("request_id,label\n");
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 0; i < rows.rowCount(); i++) {
      boolean secondHour = i >= 240;
      int prediction = (int) predicted.column("prediction").getDouble(i);
      log.append(JSON.writeValueAsString(Map.of("request_id", "q" + i, "row", 0,
          "timestamp", start.plusSeconds(i * 15L).toString(), "model", "demo", "version", "1",
          "role", "primary", "latency_ms", 1.0,
          "inputs", Map.of("amount", rows.column("amount").getDouble(i),
              "kind", rows.column("kind").get(i)),
          "outputs", Map.of("probability", predicted.column("probability").getDouble(i),
              "prediction", prediction)))).append('\n');
      int truth = secondHour ? 1 - prediction : prediction;
      labels.append("q").append(i).append(',').append(truth).append('\n');
    }
    Files.writeString(logs.resolve("predictions-1.jsonl"), log);
    Files.writeString(logs.resolve("predictions-2.jsonl.open"), "{\"request_id\":\"x\",\"ro");
    Path labelFile = dir.resolve("labels.csv");
    Files.writeString(labelFile, labels);
    Path reports = dir.resolve("reports-decay");
    Result r = kiln("monitor", bundle.toString(), "--from-logs", "--log-dir", logs.toString(),
        "--labels", labelFile.toString(), "--window", "1h", "--report-dir", reports.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.out()).contains("Dataset drift: no", "DECAY");
    assertThat(r.err()).as("the cut-short line is skipped and said")
        .contains("Warning: skipped the last 21 bytes of '", "predictions-2.jsonl.open'");
    JsonNode decay = JSON.readTree(reports.resolve("latest.json").toFile()).path("decay_windows");
    assertThat(decay).hasSize(4);
    assertThat(decay.get(0).path("start").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(decay.get(0).path("metric").asText()).isEqualTo("accuracy");
    assertThat(decay.get(0).path("value").asDouble()).isEqualTo(1.0);
    assertThat(decay.get(0).path("decayed").asBoolean()).isFalse();
    assertThat(decay.get(2).path("rows").asInt()).isEqualTo(160);
    assertThat(decay.get(2).path("value").asDouble()).isZero();
    assertThat(decay.get(2).path("baseline").asDouble()).isEqualTo(0.8);
    assertThat(decay.get(2).path("decayed").asBoolean()).isTrue();
  }

  @Test
  void emptyLogFolder_orBothSources_exit2_withClearErrors() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-log"));
    Result r = kiln("monitor", bundle.toString(), "--from-logs", "--log-dir", empty.toString(),
        "--since", "1d");
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("'" + empty + "' has no entries for model 'demo'", "since");
    Result both = kiln("monitor", bundle.toString(), "--from-logs", "--current", "x.csv");
    assertThat(both.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("exactly one of --current FILE and --from-logs");
  }
}
