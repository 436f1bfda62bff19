package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.ml.Model;
import dev.kiln.ml.bundle.LoadedBundle;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens, TLS, graceful shutdown and the prediction log's overload behaviour. */
class ServerOperationsTest {
  private static final String BODY = "{\"instances\": [[50, \"a\"]]}";

  @TempDir Path dir;

  /** Starts a server of one model, without reloading. */
  private static ModelServer start(ModelSource source, String token, HttpConfig.Tls tls) {
    return ModelServer.create(cfg -> cfg
        .http(http -> http.address("127.0.0.1", 0).threads(16).token(token).tls(tls)
            .drainTimeout(Duration.ofMinutes(10)))
        .models(m -> m.serve(source).maxRows(1000).reloadInterval(Duration.ZERO)));
  }

  private BundleSource bundle() {
    return new BundleSource(TestBundles.write(dir.resolve("bundle"), "demo", "1", 0));
  }

  @Test
  void bearer_token_guards_everything_but_health() {
    try (ModelServer server = start(bundle(), "s3cret", null)) {
      Http http = new Http("http://127.0.0.1:" + server.port());
      HttpResponse<String> none = http.postJson("/v1/models/demo:predict", BODY);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(Http.json(none).get("error").asText()).contains("Authorization");
      assertThat(http.postJson("/v1/models/demo:predict", BODY, "Authorization", "Bearer nope")
          .statusCode()).isEqualTo(401);
      assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
      HttpResponse<String> mlflow = http.postJson("/invocations", BODY);
      assertThat(mlflow.statusCode()).isEqualTo(401);
      assertThat(Http.json(mlflow).get("error_code").asText()).isEqualTo("UNAUTHENTICATED");
      assertThat(http.get("/v2/health/ready").statusCode()).isEqualTo(200);
      assertThat(http.postJson("/v1/models/demo:predict", BODY, "Authorization",
          "Bearer s3cret").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void serves_https_from_a_key_store() throws Exception {
    Path keyStore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "keytool").toString(), "-genkeypair", "-alias", "kiln", "-keyalg", "EC", "-dname",
        "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor()).isZero();
    try (ModelServer server = start(bundle(), null, new HttpConfig.Tls(keyStore, "changeit"))) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        trust.load(in, "changeit".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(
          TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      Http https = new Http(HttpClient.newBuilder().sslContext(ssl).build(),
          "https://127.0.0.1:" + server.port());
      assertThat(https.postJson("/v1/models/demo:predict", BODY).statusCode()).isEqualTo(200);
    }
  }

  /**
   * A source whose model, once {@code slow} is counted down, counts down {@code entered} at each
   * call and then waits for {@code release} (events, not time: the machine may be busy).
   */
  private static ModelSource slow(ModelSource real, CountDownLatch slow, CountDownLatch entered,
      CountDownLatch release) {
    return new ModelSource() {
      @Override
      public String reference() {
        return real.reference();
      }

      @Override
      public String modelName() {
        return real.modelName();
      }

      @Override
      public String currentKey() {
        return real.currentKey();
      }

      @Override
      public Loaded load(String key) {
        LoadedBundle b = real.load(key).bundle();
        Model model = b.model();
        Model delayed = new Model() {
          @Override
          public dev.kiln.ml.Task task() {
            return model.task();
          }

          @Override
          public List<String> featureNames() {
            return model.featureNames();
          }

          @Override
          public double[] predict(float[] features, int rows) {
            if (slow.getCount() == 0) {
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return model.predict(features, rows);
          }

          @Override
          public byte[] toBytes() {
            return model.toBytes();
          }

          @Override
          public String format() {
            return model.format();
          }

          @Override
          public Map<String, Double> featureImportance() {
            return model.featureImportance();
          }
        };
        return new Loaded("1", new LoadedBundle(b.manifest(), b.preprocessing(), delayed));
      }
    };
  }

  @Test
  @Timeout(120) // a hang guard, not a threshold: every wait in it is on an event
  void shutdown_answers_requests_in_flight_and_refuses_new_ones() throws Exception {
    CountDownLatch slowDown = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ModelServer server = start(slow(bundle(), slowDown, entered, release), null, null);
    Http http = new Http("http://127.0.0.1:" + server.port());
    slowDown.countDown();
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(() -> http.postJson("/v1/models/demo:predict", BODY));
    entered.await();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    // Draining is observable: readiness fails first. The request in flight is still held.
    while (http.get("/v2/health/ready").statusCode() != 503) {
      Thread.onSpinWait();
    }
    HttpResponse<String> late = http.postJson("/v1/models/demo:predict", BODY);
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(Http.json(late).get("error").asText()).contains("shutting down");
    assertThat(closing).as("close waits for the request in flight").isNotDone();
    release.countDown();
    assertThat(inFlight.get().statusCode()).isEqualTo(200);
    closing.get();
  }

  @Test
  @Timeout(120) // offer() must never block; a hang fails here instead of stalling the build
  void a_full_prediction_log_drops_and_counts_instead_of_blocking() throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    PredictionLog log = new PredictionLog(dir.resolve("log"),
        new PredictionLog.Options(1, 1 << 20, 60_000, 1, LogFormat.JSON), metrics);
    var frame = dev.kiln.data.Frame.of(dev.kiln.data.DoubleColumn.of("x", 1, 2));
    for (int i = 0; i < 5000; i++) {
      log.offer(new PredictionLog.Entry("r" + i, java.time.Instant.now(), "m", "1", "primary",
          0.1, frame, frame));
    }
    log.close();
    String scrape = metrics.scrape();
    double dropped = Double.parseDouble(scrape.lines()
        .filter(l -> l.startsWith("kiln_prediction_log_dropped_total")).findFirst()
        .orElseThrow().split(" ")[1]);
    long written = loggedLines(dir.resolve("log"));
    assertThat(dropped).isGreaterThan(0);
    assertThat(written + (long) dropped).isEqualTo(10_000);
  }

  @Test
  void a_sampled_prediction_log_keeps_about_its_share() throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    PredictionLog log = new PredictionLog(dir.resolve("sampled"),
        new PredictionLog.Options(100_000, 1 << 24, 60_000, 0.1, LogFormat.JSON), metrics);
    var frame = dev.kiln.data.Frame.of(dev.kiln.data.DoubleColumn.of("x", 1));
    for (int i = 0; i < 10_000; i++) {
      log.offer(new PredictionLog.Entry("r" + i, java.time.Instant.now(), "m", "1", "primary",
          0.1, frame, frame));
    }
    log.close();
    long written = loggedLines(dir.resolve("sampled"));
    // 10% of 10,000: sd 30, so 850..1150 is five standard deviations each way.
    assertThat(written).isBetween(850L, 1150L);
    assertThat(metrics.scrape()).contains("kiln_prediction_log_dropped_total 0.0");
  }

  /** Counts the lines of the closed log files of a folder. */
  private static long loggedLines(Path logDir) throws java.io.IOException {
    long lines = 0;
    try (var files = Files.list(logDir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        lines += Files.readAllLines(f).size();
      }
    }
    return lines;
  }
}
