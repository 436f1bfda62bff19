package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real child JVM mid-run with SIGKILL and checks the store survives it consistently. */
class RunKillTest {
  @TempDir Path dir;

  @Test
  void getRun_ownerKilledMidLogging_readsKilledAndConsistent() throws Exception {
    Path db = dir.resolve("kiln.db");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RunWriterProcess.class.getName(),
        db.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        TrackingStore store = TrackingStores.sqlite(db)) {
      String runId = out.readLine();
      assertThat(runId).as("child printed its run id").isNotBlank();
      while (store.getMetricHistory(runId, "loss").size() < 20) {
        assertThat(child.isAlive()).as("child still logging").isTrue();
        Thread.sleep(20);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      Run run = store.getRun(runId);
      assertThat(run.status()).isEqualTo(RunStatus.KILLED);
      assertThat(run.end()).isPresent();
      List<Metric> loss = store.getMetricHistory(runId, "loss");
      List<Metric> acc = store.getMetricHistory(runId, "acc");
      assertThat(acc).as("each batch is all-or-nothing").hasSameSizeAs(loss);
      long lastStep = loss.get(loss.size() - 1).step();
      assertThat(run.metrics().get("loss").step()).isEqualTo(lastStep);
      assertThat(run.tags()).containsEntry("last_step", Long.toString(lastStep));
      assertThat(store.searchRuns(List.of(run.experimentId()),
          SearchRequest.of("status = 'KILLED'"), ViewType.ACTIVE_ONLY).items())
          .extracting(Run::id).containsExactly(runId);
    } finally {
      child.destroyForcibly();
    }
  }
}
