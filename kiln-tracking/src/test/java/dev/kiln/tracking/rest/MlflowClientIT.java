package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/** Proves MLflow's own Java client can log to and read from Kiln's REST API. */
class MlflowClientIT {
  @TempDir Path dir;

  @Test
  void mlflowClient_logsAndReadsRun_throughKilnServer() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      MlflowClient client = new MlflowClient("http://127.0.0.1:" + server.port());
      String exp = client.createExperiment("fraud");
      assertThat(client.getExperimentByName("fraud")).isPresent()
          .get().extracting(e -> e.getExperimentId()).isEqualTo(exp);
      RunInfo info = client.createRun(exp);
      client.logParam(info.getRunId(), "model.depth", "6");
      client.logMetric(info.getRunId(), "loss", 0.9, 100, 0);
      client.logMetric(info.getRunId(), "loss", 0.4, 200, 1);
      client.setTag(info.getRunId(), "phase", "train");
      client.setTerminated(info.getRunId(), RunStatus.FINISHED);

      Run run = client.getRun(info.getRunId());
      assertThat(run.getInfo().getStatus()).isEqualTo(RunStatus.FINISHED);
      assertThat(run.getData().getParams(0).getValue()).isEqualTo("6");
      assertThat(run.getData().getMetrics(0).getValue()).isEqualTo(0.4);
      assertThat(client.getMetricHistory(info.getRunId(), "loss")).extracting(Metric::getStep)
          .containsExactly(0L, 1L);
      assertThat(client.searchRuns(List.of(exp), "metrics.loss < 0.5")).hasSize(1);
      assertThat(client.searchRuns(List.of(exp), "params.model.depth = '7'")).isEmpty();

      assertThatThrownBy(() -> client.createExperiment("fraud"))
          .isInstanceOfSatisfying(MlflowHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getBodyMessage()).contains("RESOURCE_ALREADY_EXISTS");
          });
      assertThatThrownBy(() -> client.getRun("missing"))
          .isInstanceOfSatisfying(MlflowHttpException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
  }
}
