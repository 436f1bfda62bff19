package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftGaugesTest {
  @TempDir Path dir;

  @Test
  void server_publishesDriftScoresOfTheLatestReport_andPicksUpNewOnes() throws Exception {
    Path monitoring = dir.resolve("monitoring");
    Files.createDirectories(monitoring.resolve("demo"));
    writeReport(monitoring, 0.25);
    ServingMetrics metrics = new ServingMetrics();
    ModelRepository models = new ModelRepository(100);
    models.add(new ModelSlot(new BundleSource(TestBundles.write(dir.resolve("b"), "demo", "1",
        0)), null, Traffic.none(), BatchingConfig.defaults(), metrics));
    ServerConfig d = ServerConfig.defaults();
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 8, d.maxBodyBytes(), d.maxRows(),
        d.batching(), Duration.ofMillis(50), null, null, Duration.ofSeconds(5))
        .withMonitoringDir(monitoring);
    try (ModelServer server = ModelServer.start(config, models, metrics, null, "test")) {
      assertThat(metrics.scrape())
          .contains("kiln_drift_score{column=\"amount\",model=\"demo\"} 0.25")
          .contains("kiln_drift_score{column=\"probability\",model=\"demo\"} 0.01");
      writeReport(monitoring, 0.5);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!metrics.scrape().contains("column=\"amount\",model=\"demo\"} 0.5")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(metrics.scrape()).contains("kiln_drift_score{column=\"amount\",model=\"demo\"} 0.5");
    }
  }

  private static void writeReport(Path monitoring, double score) throws Exception {
    Path tmp = monitoring.resolve("demo").resolve("tmp.json");
    Files.writeString(tmp, "{\"model\":\"demo\",\"columns\":[{\"column\":\"amount\",\"test\":"
        + "\"wasserstein~\",\"score\":" + score + ",\"threshold\":0.1,\"drifted\":true}],"
        + "\"prediction\":{\"column\":\"probability\",\"score\":0.01}}");
    Files.move(tmp, monitoring.resolve("demo").resolve("latest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
