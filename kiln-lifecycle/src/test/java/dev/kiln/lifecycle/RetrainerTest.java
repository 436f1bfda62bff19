package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.project.Project;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.ml.nodes.ProjectDraft;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining a real YAML-only project (validate, gate, split, train, evaluate, bundle as {@code
 * kiln new --from} drafts it), tracked in the project's own store and registry.
 */
class RetrainerTest {
  @TempDir Path dir;

  private static Frame cars(long seed, int n) {
    Random r = new Random(seed);
    double[] age = new double[n];
    double[] km = new double[n];
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      age[i] = 1 + r.nextInt(15);
      km[i] = 5_000 + r.nextDouble() * 150_000;
      price[i] = 30_000 - 1_200 * age[i] - 0.05 * km[i] + r.nextGaussian() * 500;
    }
    return Frame.of(DoubleColumn.of("age", age), DoubleColumn.of("km", km),
        DoubleColumn.of("price", price));
  }

  /** Writes the first {@code rows} cars: always within the ranges the drafted schema allows. */
  private void writeData(int rows) {
    FrameWriter.write(cars(1, rows), dir.resolve("data/01_raw/cars.csv"), FileFormat.CSV);
  }

  @BeforeEach
  void project() throws Exception {
    Map<String, String> files = ProjectDraft.files("cars", "cars.csv", cars(1, 400), "price",
        "regression");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(dir.resolve(f.getKey()).getParent());
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "retrain:\n  metric: rmse\n"
        + "  max_regression: 0.5\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(dir.resolve("conf/base/parameters.yml"), files.get(
        "conf/base/parameters.yml").replace("rounds: 300", "rounds: 40"));
    Files.createDirectories(dir.resolve("data/01_raw"));
    writeData(400);
  }

  private RetrainOutcome retrain(ProjectTracking tracking, List<String> params) {
    Project project = Project.open(dir, "base", params);
    Retrainer retrainer = new Retrainer(project, tracking.store(), tracking.artifacts(),
        List.of(), Map.of("git.commit", "abc123"));
    RetrainPolicy policy = RetrainPolicy.of(project.config(), project.name());
    Retrainer.Training training = retrainer.train(policy);
    assertThat(training.state().succeeded()).as("training run").isTrue();
    return retrainer.judge(policy, training);
  }

  @Test
  void firstModel_isPromoted_thenAChallengerIsJudgedAgainstTheChampionOnTheSameHoldout()
      throws Exception {
    try (ProjectTracking tracking = ProjectTracking.open(Project.open(dir, "base", List.of()))) {
      TrackingStore store = tracking.store();
      RetrainOutcome first = retrain(tracking, List.of());
      assertThat(first.version()).isEqualTo(1);
      assertThat(first.championVersion()).isNull();
      assertThat(first.championMetrics()).isNull();
      assertThat(first.challengerMetrics()).containsKey("rmse");
      assertThat(first.verdict().blessed()).isTrue();
      assertThat(first.promoted()).isTrue();
      assertThat(store.getRegisteredModel("cars").aliases())
          .containsEntry("champion", 1L).containsEntry("challenger", 1L);

      Run pipelineRun = store.getRun(first.pipelineRunId());
      assertThat(pipelineRun.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(pipelineRun.tags()).containsEntry("git.commit", "abc123");
      Run decision = store.getRun(first.decisionRunId());
      assertThat(decision.tags()).containsEntry("kiln.decision", "promoted")
          .containsEntry("kiln.pipeline_run", first.pipelineRunId())
          .containsEntry("kiln.challenger_version", "1").doesNotContainKey(
              "kiln.champion_version");
      assertThat(decision.metrics().get("challenger.rmse").value())
          .isEqualTo(first.challengerMetrics().get("rmse"));
      assertThat(store.searchModelVersions("cars").get(0).tags())
          .containsEntry("kiln.blessed", "true");

      writeData(300);
      RetrainOutcome second = retrain(tracking, List.of());
      assertThat(second.version()).isEqualTo(2);
      assertThat(second.championVersion()).isEqualTo(1L);
      assertThat(second.championMetrics()).containsKey("rmse");
      assertThat(second.verdict().reasons()).anyMatch(r -> r.contains("rmse"));
      assertThat(store.getRun(second.decisionRunId()).tags())
          .containsEntry("kiln.champion_version", "1");
      assertThat(store.getRun(second.decisionRunId()).metrics()).containsKeys("challenger.rmse",
          "champion.rmse");
      assertThat(dir.resolve(".kiln/retrain")).satisfiesAnyOf(
          p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }
  }

  @Test
  void impossibleFloor_refusesTheChallenger_andKeepsTheChampion() throws Exception {
    try (ProjectTracking tracking = ProjectTracking.open(Project.open(dir, "base", List.of()))) {
      retrain(tracking, List.of());
      Files.writeString(dir.resolve("conf/base/kiln.yml"), "  floor: 1\n",
          java.nio.file.StandardOpenOption.APPEND);
      RetrainOutcome refused = retrain(tracking, List.of());
      assertThat(refused.verdict().blessed()).isFalse();
      assertThat(refused.promoted()).isFalse();
      assertThat(refused.verdict().reasons()).anyMatch(r -> r.startsWith("FAILED floor"));
      assertThat(tracking.store().getRegisteredModel("cars").aliases())
          .containsEntry("champion", 1L).containsEntry("challenger", 2L);
      assertThat(tracking.store().getRun(refused.decisionRunId()).tags())
          .containsEntry("kiln.decision", "refused");
    }
  }

  @Test
  void failedTraining_isNotJudged_andRegistersNothing() throws Exception {
    try (ProjectTracking tracking = ProjectTracking.open(Project.open(dir, "base", List.of()))) {
      Project project = Project.open(dir, "base", List.of("train.target=no_such_column"));
      Retrainer retrainer = new Retrainer(project, tracking.store(), tracking.artifacts(),
          List.of(), Map.of());
      RetrainPolicy policy = RetrainPolicy.of(project.config(), project.name());
      Retrainer.Training training = retrainer.train(policy);
      assertThat(training.state().succeeded()).isFalse();
      assertThat(tracking.store().getRun(training.trackedRunId()).status())
          .isEqualTo(RunStatus.FAILED);
      assertThatThrownBy(() -> retrainer.judge(policy, training))
          .isInstanceOf(LifecycleException.class)
          .hasMessageContaining("The training run failed");
      assertThat(tracking.store().searchRegisteredModels(SearchRequest.of("")).items())
          .isEmpty();
    }
  }
}
