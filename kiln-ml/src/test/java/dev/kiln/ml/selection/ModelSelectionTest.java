package dev.kiln.ml.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.linear.LinearModel;
import dev.kiln.ml.tuning.Scoring;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
  /** y depends on a linear score (linear data) or on a checkerboard (x0 x1 > 0). */
  private static TrainingData data(int n, boolean linear, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 4];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) r.nextGaussian();
      }
      double z = linear ? 1.5 * x[i * 4] - x[i * 4 + 1] + 0.5 * x[i * 4 + 2]
          : 3 * Math.signum(x[i * 4] * x[i * 4 + 1]);
      y[i] = z + r.nextGaussian() > 0 ? 1 : 0;
    }
    return new TrainingData(x, n, List.of("a", "b", "c", "d"), y, null);
  }

  private static ModelSelection selection(Scoring metric) {
    return new ModelSelection(Task.BINARY_CLASSIFICATION, metric, List.of(
        Candidate.linear("logistic", Map.of(), Map.of("l2", List.of(0.1, 10.0))),
        Candidate.xgboost("xgboost", Map.of("eta", 0.3), Map.of("max_depth", List.of(2, 4)),
            40, 5)), 2);
  }

  @Test
  void linearData_smallSample_choosesTheBaseline_andReportsBoth() {
    SelectionResult result = selection(Scoring.PR_AUC).run(data(150, true, 1),
        data(2000, true, 2));
    assertThat(result.chosen().name()).isEqualTo("logistic");
    assertThat(result.model()).isInstanceOf(LinearModel.class);
    assertThat(result.candidates()).extracting(CandidateResult::name)
        .containsExactly("logistic", "xgboost");
    assertThat(result.candidate("xgboost").trials()).hasSize(2);
    assertThat(result.candidate("xgboost").fitted()).isInstanceOf(XGBoostModel.class);
    assertThat(result.candidate("logistic").score())
        .isGreaterThan(result.candidate("xgboost").score());
    assertThat(result.toMetrics()).containsOnlyKeys("logistic.validation_pr_auc",
        "xgboost.validation_pr_auc");
    assertThat(result.toTable()).contains("logistic").contains("xgboost").contains("<- chosen")
        .contains("{l2=0.1}");
    assertThat(result.toReport().chosen()).isEqualTo("logistic");
    assertThat(result.toReport().metric()).isEqualTo("pr_auc");
    assertThat(result.toReport().candidates().get(1).trials())
        .hasSize(result.candidate("xgboost").trials().size());
  }

  @Test
  void interactionData_choosesXGBoost() {
    SelectionResult result = selection(Scoring.ROC_AUC).run(data(3000, false, 3),
        data(2000, false, 4));
    assertThat(result.chosen().name()).isEqualTo("xgboost");
    assertThat(result.chosen().params()).containsEntry("eta", 0.3).containsKey("max_depth");
    double[] p = result.model().predict(data(5, false, 5).features(), 5);
    assertThat(java.util.Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
  }

  @Test
  void invalidSelections_areRefusedWithHints() {
    assertThatThrownBy(() -> new ModelSelection(Task.REGRESSION, Scoring.PR_AUC,
        List.of(Candidate.linear("a", null, null)), 1)).isInstanceOf(KilnException.class)
        .hasMessageContaining("does not suit");
    assertThatThrownBy(() -> new ModelSelection(Task.REGRESSION, Scoring.R2,
        List.of(Candidate.linear("a", null, null), Candidate.linear("a", null, null)), 1))
        .hasMessageContaining("named 'a'");
    assertThatThrownBy(() -> new Candidate("x", "forest", null, null, null, null))
        .hasMessageContaining("model 'forest'");
    ModelSelection bad = new ModelSelection(Task.BINARY_CLASSIFICATION, Scoring.PR_AUC,
        List.of(Candidate.linear("logistic", Map.of("C", 1.0), null)), 1);
    assertThatThrownBy(() -> bad.run(data(50, true, 1), data(50, true, 2)))
        .hasMessageContaining("no parameter 'C'");
  }

  @Test
  void regression_selectsByR2() {
    Random r = new Random(9);
    int n = 400;
    float[] x = new float[n * 2];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i * 2] = (float) r.nextGaussian();
      x[i * 2 + 1] = (float) r.nextGaussian();
      y[i] = (float) (2 * x[i * 2] - x[i * 2 + 1] + 0.1 * r.nextGaussian());
    }
    TrainingData d = new TrainingData(x, n, List.of("a", "b"), y, null);
    SelectionResult result = new ModelSelection(Task.REGRESSION, Scoring.R2, List.of(
        Candidate.linear("ridge", Map.of("l2", 0.0), null),
        Candidate.xgboost("xgboost", Map.of(), null, 20, 0)), 1).run(d.take(range(0, 300)),
        d.take(range(300, n)));
    assertThat(result.chosen().name()).isEqualTo("ridge");
    assertThat(result.chosen().score()).isGreaterThan(0.99);
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
