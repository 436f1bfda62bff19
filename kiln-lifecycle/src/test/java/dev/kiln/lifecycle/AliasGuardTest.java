package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.DriftCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.serving.ServingMetrics;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard against a real registry and an HTTP /metrics that serves between scrapes. */
class AliasGuardTest {
  @TempDir Path dir;
  private TrackingStore store;
  private HttpServer server;
  private final ServingMetrics metrics = new ServingMetrics();
  /** The status every request served between two scrapes answers. */
  private final AtomicInteger status = new AtomicInteger(200);

  @BeforeEach
  void start() throws Exception {
    store = TrackingStores.sqlite(dir.resolve("tracking.db"));
    store.createRegisteredModel("fraud", null, Map.of());
    for (int v = 1; v <= 2; v++) {
      store.createModelVersion("fraud", "models/fraud/" + v, null, Map.of());
    }
    store.updateAlias("fraud", "champion", 1);
    store.updateAlias("fraud", "champion", 2);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      for (int i = 0; i < 60; i++) {
        metrics.request("fraud", "2", "native", status.get(), 1_000_000);
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    store.close();
  }

  private AliasGuard guard(boolean onDecay) {
    return new AliasGuard(store, new MonitorReports(dir.resolve("monitoring")),
        new MetricsScraper("http://127.0.0.1:" + server.getAddress().getPort(), null),
        new AliasGuard.Settings(new ServingGuard(0.05, Duration.ofSeconds(1), 50),
            Duration.ofMillis(5), onDecay));
  }

  @Test
  void watchOnce_healthyWindow_leavesTheAlias() throws Exception {
    AliasGuard.Verdict v = guard(false).watchOnce("fraud", "champion");
    assertThat(v.rolledBack()).isFalse();
    assertThat(v.version()).isEqualTo(2);
    assertThat(v.window().requests()).isEqualTo(60);
    assertThat(store.getModelVersionByAlias("fraud", "champion").version()).isEqualTo(2);
  }

  @Test
  void watchOnce_serverErrors_rollsTheAliasBack() throws Exception {
    status.set(500);
    AliasGuard.Verdict v = guard(false).watchOnce("fraud", "champion");
    assertThat(v.rolledBack()).isTrue();
    assertThat(v.rolledBackTo().version()).isEqualTo(1);
    assertThat(v.breach()).hasValueSatisfying(b -> assertThat(b).contains("error rate 100.0%"));
    assertThat(store.getModelVersionByAlias("fraud", "champion").version()).isEqualTo(1);
  }

  @Test
  void watchOnce_onDecay_onlyReportsWrittenAfterTheAliasMovedCount() throws Exception {
    MonitorReports reports = new MonitorReports(dir.resolve("monitoring"));
    reports.save(decayed(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(guard(true).watchOnce("fraud", "champion").rolledBack())
        .as("a report older than the promotion judged another version").isFalse();
    reports.save(decayed(Instant.now().plusSeconds(1)));
    AliasGuard.Verdict v = guard(true).watchOnce("fraud", "champion");
    assertThat(v.rolledBack()).isTrue();
    assertThat(v.breach()).hasValueSatisfying(b -> assertThat(b)
        .contains("label-based decay in the monitoring report"));
    assertThat(guard(false).decaySince("other", "champion")).as("no report").isEmpty();
  }

  private static MonitorReport decayed(Instant created) {
    return new MonitorReport("fraud", "2", created.toString(), "prediction log", 100, 100,
        new DriftCheck.Result(new DriftReport(List.of(), 0, 0.5, false), null),
        List.of(new DecayCheck.Window(created, 50, "roc_auc", 0.6, 0.9, true)));
  }
}
