package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/** Proves MLflow's own Java client (2.17.2) can use and authenticate with Kiln's REST API. */
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

  @Test
  void mlflowClient_withNoExperiment_logsToMlflowsDefaultExperiment() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      MlflowClient client = new MlflowClient("http://127.0.0.1:" + server.port());
      Experiment fallback = client.getExperiment("0");
      assertThat(fallback.getName()).isEqualTo("Default");
      assertThat(fallback.getLifecycleStage()).isEqualTo("active");
      assertThat(fallback.getArtifactLocation()).isEqualTo("mlflow-artifacts:/0");
      assertThat(client.getExperimentByName("Default")).get()
          .extracting(Experiment::getExperimentId).isEqualTo("0");

      long before = System.currentTimeMillis();
      RunInfo info = client.createRun();
      assertThat(info.getExperimentId()).isEqualTo("0");
      assertThat(info.getUserId()).isEqualTo(System.getProperty("user.name"));
      assertThat(client.getRun(info.getRunId()).getInfo().getStartTime())
          .isBetween(before, System.currentTimeMillis());
      assertThat(info.getArtifactUri()).isEqualTo("mlflow-artifacts:/0/" + info.getRunId()
          + "/artifacts");
      client.logMetric(info.getRunId(), "auc", 0.91);
      client.setTerminated(info.getRunId());
      assertThat(client.searchRuns(List.of("0"), "metrics.auc > 0.9"))
          .extracting(RunInfo::getRunId).containsExactly(info.getRunId());
      assertThat(client.listRunInfos("0")).extracting(RunInfo::getStatus)
          .containsExactly(RunStatus.FINISHED);
    }
  }

  @Test
  void mlflowClient_renamesDeletesRestoresAndTags_experimentsAndRuns() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      MlflowClient client = new MlflowClient("http://127.0.0.1:" + server.port());
      String exp = client.createExperiment("draft");
      client.renameExperiment(exp, "fraud");
      client.setExperimentTag(exp, "team", "risk");
      Experiment read = client.getExperiment(exp);
      assertThat(read.getName()).isEqualTo("fraud");
      assertThat(read.getTagsList()).extracting(t -> t.getKey() + "=" + t.getValue())
          .containsExactly("team=risk");
      client.deleteExperiment(exp);
      assertThat(client.getExperiment(exp).getLifecycleStage()).isEqualTo("deleted");
      assertThat(client.searchExperiments().getItems()).extracting(Experiment::getName)
          .containsExactly("Default");
      client.restoreExperiment(exp);
      assertThat(client.searchExperiments("name LIKE 'fr%'").getItems())
          .extracting(Experiment::getExperimentId).containsExactly(exp);

      RunInfo run = client.createRun(exp);
      client.logBatch(run.getRunId(), List.of(Metric.newBuilder().setKey("auc").setValue(0.9)
          .setTimestamp(1).setStep(0).build()), List.of(), List.of(RunTag.newBuilder()
          .setKey("phase").setValue("train").build()));
      client.deleteTag(run.getRunId(), "phase");
      assertThat(client.getRun(run.getRunId()).getData().getTagsList())
          .extracting(RunTag::getKey).containsExactly("mlflow.runName");
      client.deleteRun(run.getRunId());
      assertThat(client.searchRuns(List.of(exp), "metrics.auc > 0.5")).isEmpty();
      assertThat(client.searchRuns(List.of(exp), "", ViewType.DELETED_ONLY)).hasSize(1);
      client.restoreRun(run.getRunId());
      assertThat(client.searchRuns(List.of(exp), "metrics.auc > 0.5"))
          .extracting(RunInfo::getLifecycleStage).containsExactly("active");
    }
  }

  @Test
  void mlflowClient_readsRegistryStagesLatestVersionsAndDownloadUri() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")), ServerOptions.port(0))) {
      MlflowClient client = new MlflowClient("http://127.0.0.1:" + server.port());
      client.sendPost("registered-models/create", "{\"name\":\"draft\"}");
      client.sendPost("registered-models/rename", "{\"name\":\"draft\",\"new_name\":\"fraud\"}");
      client.sendPost("model-versions/create", "{\"name\":\"fraud\",\"source\":\"s3://b/1\"}");
      client.sendPost("model-versions/create",
          "{\"name\":\"fraud\",\"source\":\"models/fraud/ab12\",\"run_id\":\"r2\"}");
      client.sendPatch("model-versions/update",
          "{\"name\":\"fraud\",\"version\":\"2\",\"description\":\"better\"}");
      client.sendPost("model-versions/transition-stage", "{\"name\":\"fraud\",\"version\":\"1\","
          + "\"stage\":\"production\",\"archive_existing_versions\":false}");
      client.sendPost("model-versions/transition-stage", "{\"name\":\"fraud\",\"version\":\"2\","
          + "\"stage\":\"Production\",\"archive_existing_versions\":true}");

      assertThat(client.getLatestVersions("fraud", List.of("Production")))
          .extracting(ModelVersion::getVersion).containsExactly("2");
      assertThat(client.getLatestVersions("fraud")).extracting(ModelVersion::getVersion,
          ModelVersion::getCurrentStage).containsExactly(tuple("2", "Production"),
          tuple("1", "Archived"));
      assertThat(client.getModelVersion("fraud", "2").getDescription()).isEqualTo("better");
      assertThat(client.getRegisteredModel("fraud").getName()).isEqualTo("fraud");
      assertThat(client.getModelVersionDownloadUri("fraud", "1")).isEqualTo("s3://b/1");
      assertThat(client.getModelVersionDownloadUri("fraud", "2"))
          .isEqualTo("mlflow-artifacts:/models/fraud/ab12");
      assertThat(client.searchModelVersions("run_id = 'r2'").getItems())
          .extracting(ModelVersion::getVersion).containsExactly("2");
      assertThat(client.searchModelVersions("name = 'fraud'").getItems()).hasSize(2);

      client.sendPost("registered-models/alias",
          "{\"name\":\"fraud\",\"alias\":\"champion\",\"version\":\"2\"}");
      assertThat(client.getModelVersion("fraud", "2").getAliasesList())
          .containsExactly("champion");
      assertThat(client.getModelVersion("fraud", "1").getAliasesList()).isEmpty();
      assertThat(client.searchModelVersions("name = 'fraud'").getItems())
          .extracting(v -> v.getVersion() + v.getAliasesList())
          .containsExactly("2[champion]", "1[]");
      assertThat(client.getRegisteredModel("fraud").getLatestVersionsList())
          .extracting(ModelVersion::getVersion, ModelVersion::getCurrentStage)
          .containsExactly(tuple("2", "Production"), tuple("1", "Archived"));
    }
  }

  @Test
  void mlflowClient_withToken_isServedAndWithoutIsRefused() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(dir.resolve("artifacts")),
            ServerOptions.port(0).withToken("s3cret-token"))) {
      String url = "http://127.0.0.1:" + server.port();
      MlflowClient authorised = new MlflowClient(new BasicMlflowHostCreds(url, "s3cret-token"));
      String exp = authorised.createExperiment("secured");
      assertThat(authorised.getExperiment(exp).getName()).isEqualTo("secured");

      MlflowClient anonymous = new MlflowClient(url);
      assertThatThrownBy(() -> anonymous.getExperiment(exp))
          .isInstanceOfSatisfying(MlflowHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getBodyMessage()).contains("UNAUTHENTICATED")
                .doesNotContain("s3cret-token");
          });
      MlflowClient wrong = new MlflowClient(new BasicMlflowHostCreds(url, "guess"));
      assertThatThrownBy(() -> wrong.createExperiment("x"))
          .isInstanceOfSatisfying(MlflowHttpException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(401));
    }
  }
}
