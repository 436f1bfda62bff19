package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving an alias in the registry swaps the served version under load, failing no request. */
class HotReloadTest {
  private static final String BODY = "{\"instances\": [{\"amount\": 55, \"kind\": \"b\"}]}";

  @TempDir Path dir;
  TrackingStore store;
  ModelVersions versions;
  ModelServer server;

  @BeforeEach
  void registry() {
    store = TrackingStores.sqlite(dir.resolve("tracking.db"));
    versions = new ModelVersions(store, ArtifactStores.local(dir.resolve("artifacts")));
    for (int v = 1; v <= 2; v++) {
      Path bundle = TestBundles.write(dir.resolve("b" + v), "fraud", "run-" + v, v == 1 ? 0 : 1.5);
      versions.register("fraud", bundle, null, Map.of());
    }
    store.updateAlias("fraud", "champion", 1);
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    store.close();
  }

  /** Serves registry references, the challenger (or null) with its traffic mode. */
  private Http start(String primary, String challenger, Traffic traffic, Path logDir,
      ServingMetrics metrics) {
    server = ModelServer.create(cfg -> {
      cfg.http(http -> http.address("127.0.0.1", 0).threads(32)
          .drainTimeout(Duration.ofSeconds(5))).metrics(metrics).kilnVersion("test");
      cfg.models(m -> {
        m.registry(this::source).maxRows(1000).reloadInterval(Duration.ofMillis(100))
            .serve(primary);
        if (traffic.mode() == Traffic.Mode.CANARY) {
          m.canary(challenger, traffic.percent());
        } else if (traffic.mode() == Traffic.Mode.SHADOW) {
          m.shadow(challenger);
        }
      });
      if (logDir != null) {
        cfg.predictionLog(logDir, 1).predictionLogFormat(LogFormat.JSON);
      }
    });
    return new Http("http://127.0.0.1:" + server.port());
  }

  private RegistrySource source(String reference) {
    return new RegistrySource(versions, reference, dir.resolve("cache"));
  }

  @Test
  void alias_move_swaps_version_with_zero_failed_requests() throws Exception {
    Http http = start("fraud@champion", null, Traffic.none(), null,
        new ServingMetrics());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Thread[] clients = new Thread[4];
    for (int c = 0; c < clients.length; c++) {
      clients[c] = new Thread(() -> {
        while (running.get()) {
          HttpResponse<String> r = http.postJson("/v1/models/fraud:predict", BODY);
          if (r.statusCode() == 200) {
            ok.incrementAndGet();
            seen.add(r.headers().firstValue("X-Model-Version").orElse("?"));
          } else {
            failures.incrementAndGet();
          }
        }
      });
      clients[c].start();
    }
    // Wait for answers from version 1 (not a fixed time: the machine may be busy).
    long warm = System.currentTimeMillis() + 30_000;
    while ((!seen.contains("1") || ok.get() < 20) && System.currentTimeMillis() < warm) {
      Thread.sleep(20);
    }
    store.updateAlias("fraud", "champion", 2);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!seen.contains("2") && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    int atSwap = ok.get();
    while (ok.get() < atSwap + 20 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    running.set(false);
    for (Thread t : clients) {
      t.join();
    }
    assertThat(seen).containsExactlyInAnyOrder("1", "2");
    assertThat(failures.get()).isZero();
    assertThat(ok.get()).isGreaterThanOrEqualTo(40);
    HttpResponse<String> after = http.postJson("/v1/models/fraud:predict", BODY);
    assertThat(after.headers().firstValue("X-Model-Version")).contains("2");
    try (var left = Files.list(dir.resolve("cache"))) {
      assertThat(left).as("downloads are deleted once loaded").isEmpty();
    }
  }

  @Test
  void a_version_that_fails_to_load_keeps_the_old_one_serving() throws Exception {
    Http http = start("fraud@champion", null, Traffic.none(), null,
        new ServingMetrics());
    Path broken = TestBundles.write(dir.resolve("b3"), "fraud", "run-3", 0);
    Files.writeString(broken.resolve("model.json"), "{\"tampered\": true}");
    versions.register("fraud", broken, null, Map.of());
    store.updateAlias("fraud", "champion", 3);
    long deadline = System.currentTimeMillis() + 10_000;
    String status = "";
    while (!status.contains("last_reload_error") && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      status = http.get("/v1/models/fraud").body();
    }
    assertThat(status).contains("last_reload_error").contains("checksum")
        .contains("\"version\":\"1\"");
    HttpResponse<String> r = http.postJson("/v1/models/fraud:predict", BODY);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Model-Version")).contains("1");
    assertThat(http.get("/metrics").body())
        .contains("kiln_model_reloads_total{model=\"fraud\",outcome=\"failed\"}")
        .contains("# HELP kiln_model_reloads_total Model reloads: swapped");
  }

  @Test
  void canary_answers_its_share_and_shadow_only_logs() throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    Http http = start("fraud:1", "fraud:2", new Traffic(Traffic.Mode.CANARY, 30),
        null, metrics);
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    for (int i = 0; i < 400; i++) {
      HttpResponse<String> r = http.postJson("/v1/models/fraud:predict", BODY);
      counts.merge(r.headers().firstValue("X-Model-Version").orElse("?"), 1, Integer::sum);
    }
    // 30% of 400 = 120; binomial sd ~ 9.2, so 70..170 is far outside chance.
    assertThat(counts.get("2")).isBetween(70, 170);
    assertThat(counts.get("1") + counts.get("2")).isEqualTo(400);
    assertThat(http.get("/metrics").body())
        .contains("kiln_requests_total{code=\"200\",model=\"fraud\",protocol=\"native\","
            + "version=\"2\"}");
  }

  @Test
  void shadow_sees_every_request_without_answering_and_is_logged() throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    Http http = start("fraud@champion", "fraud:2",
        new Traffic(Traffic.Mode.SHADOW, 0), dir.resolve("log"), metrics);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = http.postJson("/v1/models/fraud:predict", BODY,
          "X-Request-Id", "req-" + i);
      assertThat(r.headers().firstValue("X-Model-Version")).contains("1");
    }
    server.close();
    server = null;
    String lines;
    try (var files = Files.list(dir.resolve("log"))) {
      Path file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
      lines = Files.readString(file);
    }
    assertThat(lines.lines().filter(l -> l.contains("\"role\":\"primary\""))).hasSize(20);
    assertThat(lines.lines().filter(l -> l.contains("\"role\":\"shadow\""))).hasSize(20);
    assertThat(lines).contains("\"request_id\":\"req-7\"")
        .contains("\"inputs\":{\"amount\":55.0,\"kind\":\"b\"}")
        .contains("\"version\":\"2\"");
  }
}
