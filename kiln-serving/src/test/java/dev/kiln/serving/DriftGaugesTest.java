package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.KilnException;
import dev.kiln.serving.monitor.DriftGauges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftGaugesTest {
  @TempDir Path dir;

  @Test
  void server_publishesTheLatestDriftScores_andPicksUpNewOnes() throws Exception {
    Map<String, Map<String, Double>> latest = new ConcurrentHashMap<>();
    latest.put("demo", Map.of("amount", 0.25, "probability", 0.01));
    ServingMetrics metrics = new ServingMetrics();
    Path bundle = TestBundles.write(dir.resolve("b"), "demo", "1", 0);
    try (ModelServer server = ModelServer.create(cfg -> cfg.metrics(metrics)
        .http(http -> http.address("127.0.0.1", 0).threads(8))
        .models(m -> m.serve(bundle.toString()).reloadInterval(Duration.ofMillis(50)))
        .driftSource(model -> latest.getOrDefault(model, Map.of())))) {
      assertThat(metrics.scrape())
          .contains("kiln_drift_score{column=\"amount\",model=\"demo\"} 0.25")
          .contains("kiln_drift_score{column=\"probability\",model=\"demo\"} 0.01");
      latest.put("demo", Map.of("amount", 0.5));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!metrics.scrape().contains("column=\"amount\",model=\"demo\"} 0.5")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(metrics.scrape()).contains("kiln_drift_score{column=\"amount\",model=\"demo\"} 0.5");
    }
  }

  @Test
  void refresh_unreadableScores_skipsThatModelOnly() {
    ServingMetrics metrics = new ServingMetrics();
    new DriftGauges(model -> {
      if (model.equals("broken")) {
        throw new KilnException("'latest.json' is not a monitoring report.", null);
      }
      return Map.of("x", 0.75);
    }, () -> List.of("broken", "fine"), metrics).refresh();
    assertThat(metrics.scrape()).contains("kiln_drift_score{column=\"x\",model=\"fine\"} 0.75")
        .doesNotContain("model=\"broken\"");
  }
}
