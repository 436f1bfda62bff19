package dev.kiln.ml.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.progress.ProgressListener;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {
  private static TrainingData data() {
    Random r = new Random(8);
    int n = 600;
    float[] x = new float[n * 2];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i * 2] = (float) r.nextGaussian();
      x[i * 2 + 1] = (float) r.nextGaussian();
      y[i] = x[i * 2] * x[i * 2 + 1] + 0.2 * r.nextGaussian() > 0 ? 1 : 0;
    }
    return new TrainingData(x, n, List.of("a", "b"), y, null);
  }

  @Test
  void gridSearch_ranksByMeanCvScore_andRefitsBest() {
    SearchSpace space = new SearchSpace(Map.of("max_depth", List.of(1, 4)));
    HyperparameterSearch search = new HyperparameterSearch(
        p -> new XGBoostEstimator(Task.BINARY_CLASSIFICATION, p, 30, 0), Scoring.ROC_AUC, 4, 2);
    HyperparameterSearch.Result result = search.run(space.grid(), data(), 1, true);
    assertThat(result.trials()).hasSize(2);
    // An interaction (a*b) needs depth > 1: stumps cannot learn it.
    assertThat(result.trials().get(0).params()).containsEntry("max_depth", 4);
    assertThat(result.trials().get(0).mean()).isGreaterThan(result.trials().get(1).mean() + 0.1);
    assertThat(result.trials().get(0).foldScores()).hasSize(4);
    assertThat(result.toTable()).contains("rank").contains("max_depth=4");
    assertThat(result.best().predict(data().features(), 3)).hasSize(3);
  }

  @Test
  void progress_countsFitsAcrossWorkers_andTheRefitsRounds() {
    List<String> ended = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ProgressListener listener = new ProgressListener() {
      @Override
      public void started(Progress task) {}

      @Override
      public void ended(Progress task) {
        ended.add(task.label() + " " + task.done() + "/" + task.total() + " " + task.unit());
      }
    };
    HyperparameterSearch search = new HyperparameterSearch(
        p -> new XGBoostEstimator(Task.BINARY_CLASSIFICATION, p, 30, 0), Scoring.ROC_AUC, 4, 2);
    try (Progress.Scope scope = Progress.reportTo(listener)) {
      search.run(new SearchSpace(Map.of("max_depth", List.of(1, 4))).grid(), data(), 1, true);
    }
    assertThat(ended).as("folds train on the pool's threads, outside the scope")
        .containsExactly("cross-validate 8/8 fits", "boost 30/30 rounds");
  }

  @Test
  void space_gridAndSample() {
    SearchSpace space = new SearchSpace(Map.of("a", List.of(1, 2, 3), "b", List.of("x", "y")));
    assertThat(space.grid()).hasSize(6).contains(Map.of("a", 3, "b", "y"));
    assertThat(space.sample(4, 1)).hasSize(4).doesNotHaveDuplicates()
        .isEqualTo(space.sample(4, 1));
    assertThatThrownBy(() -> new SearchSpace(Map.of("a", List.of())))
        .hasMessageContaining("'a' has no values");
  }

  @Test
  void linearBaseline_canBeSearchedToo() {
    HyperparameterSearch search = new HyperparameterSearch(
        p -> new LinearEstimator(Task.BINARY_CLASSIFICATION, ((Number) p.get("l2")).doubleValue(),
            25), Scoring.NEG_LOG_LOSS, 3, 2);
    var result = search.run(new SearchSpace(Map.of("l2", List.of(0.1, 100.0))).grid(), data(), 2,
        true);
    assertThat(result.trials()).extracting(Trial::std).allMatch(s -> s >= 0);
  }
}
