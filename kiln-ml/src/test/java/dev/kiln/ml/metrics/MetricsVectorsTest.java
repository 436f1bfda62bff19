package dev.kiln.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

/** The test vectors of shared/STATS.md §4 (scikit-learn's values). */
class MetricsVectorsTest {
  private static final int[] Y = {0, 0, 1, 1, 1, 0, 1, 0, 1, 1};
  private static final double[] S = {0.1, 0.4, 0.35, 0.8, 0.8, 0.8, 0.6, 0.2, 0.9, 0.3};

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
  }

  @Test
  void binary_thresholded_matchesSklearn() {
    BinaryMetrics m = BinaryMetrics.atThreshold(Y, S, 0.5);
    close(m.accuracy(), 0.7);
    close(m.precision(), 0.8);
    close(m.recall(), 0.6666666666666666);
    close(m.f1(), 8.0 / 11);
    assertThat(m.confusionMatrix()).isEqualTo(new long[][] {{3, 1}, {2, 4}});
  }

  @Test
  void binary_scores_matchSklearn() {
    ScoreCurves c = ScoreCurves.of(Y, S);
    close(c.rocAuc(), 0.75);
    close(c.averagePrecision(), 0.794047619047619);
    close(ScoreCurves.logLoss(Y, S), 0.5765035774048977);
  }

  @Test
  void rocCurve_tiesFormOneStep_firstThresholdInfinite() {
    double[][] roc = ScoreCurves.of(Y, S).rocCurve();
    assertThat(roc[0]).containsExactly(0, 0, .25, .25, .5, .5, 1);
    assertThat(roc[1]).containsExactly(new double[] {0, 1.0 / 6, .5, 2.0 / 3, 2.0 / 3, 1, 1},
        within(1e-15));
    assertThat(roc[2]).containsExactly(Double.POSITIVE_INFINITY, .9, .8, .6, .4, .3, .1);
  }

  @Test
  void precisionRecallCurve_matchesSklearnOrder() {
    double[][] pr = ScoreCurves.of(Y, S).precisionRecallCurve();
    assertThat(pr[0]).containsExactly(new double[] {0.6, 0.6666666666666666, 0.75,
        0.7142857142857143, 0.6666666666666666, 0.8, 0.75, 1, 1}, within(1e-15));
    assertThat(pr[1]).containsExactly(new double[] {1, 1, 1, 0.8333333333333334,
        0.6666666666666666, 0.6666666666666666, 0.5, 0.16666666666666666, 0}, within(1e-15));
    assertThat(pr[2]).containsExactly(.1, .2, .3, .35, .4, .6, .8, .9);
  }

  @Test
  void allScoresTied_givesHalfCredit() {
    ScoreCurves c = ScoreCurves.of(new int[] {0, 1, 0, 1}, new double[] {.5, .5, .5, .5});
    close(c.rocAuc(), 0.5);
    close(c.averagePrecision(), 0.5);
  }

  @Test
  void logLoss_certainWrongPrediction_isClippedAtEpsilon() {
    close(ScoreCurves.logLoss(new int[] {1, 0}, new double[] {1.0, 1.0}), 18.021826694558577);
  }

  @Test
  void zeroDivision_givesZero() {
    BinaryMetrics none = BinaryMetrics.of(new int[] {0, 0, 0}, new int[] {0, 0, 0});
    assertThat(new double[] {none.precision(), none.recall(), none.f1()}).containsOnly(0.0);
    BinaryMetrics noPositives = BinaryMetrics.of(new int[] {1, 1, 0}, new int[] {0, 0, 0});
    assertThat(new double[] {noPositives.precision(), noPositives.recall(), noPositives.f1()})
        .containsOnly(0.0);
  }

  @Test
  void multiclass_averages_matchSklearn() {
    MulticlassMetrics m = MulticlassMetrics.of(new int[] {0, 1, 2, 2, 1, 0, 2, 1},
        new int[] {0, 2, 2, 2, 1, 0, 1, 1});
    assertThat(m.confusionMatrix()).isEqualTo(new long[][] {{2, 0, 0}, {0, 2, 1}, {0, 1, 2}});
    for (double v : m.macro()) {
      close(v, 0.7777777777777777);
    }
    for (double v : m.weighted()) {
      close(v, 0.75);
    }
    close(m.accuracy(), 0.75);
  }

  @Test
  void regression_matchesSklearn() {
    RegressionMetrics m = RegressionMetrics.of(new double[] {3, -0.5, 2, 7},
        new double[] {2.5, 0, 2, 8});
    close(m.mse(), 0.375);
    close(m.rmse(), 0.6123724356957945);
    close(m.mae(), 0.5);
    close(m.r2(), 0.9486081370449679);
    close(m.mape(), 0.3273809523809524);
    close(RegressionMetrics.of(new double[] {0, 1, 2}, new double[] {0.1, 1, 2}).mape(),
        150119987579016.53);
  }

  @Test
  void r2_edgeCases_followForceFinite() {
    assertThat(RegressionMetrics.of(new double[] {2, 2, 2}, new double[] {2, 2, 2}).r2())
        .isEqualTo(1.0);
    assertThat(RegressionMetrics.of(new double[] {2, 2, 2}, new double[] {1, 2, 3}).r2())
        .isEqualTo(0.0);
    assertThat(RegressionMetrics.of(new double[] {1}, new double[] {2}).r2()).isNaN();
  }

  @Test
  void r2_constantTruthWithInexactMean_isZero() {
    double[] truth = new double[10];
    java.util.Arrays.fill(truth, 0.1);
    double[] predicted = truth.clone();
    predicted[9] = 0.2;
    assertThat(RegressionMetrics.of(truth, predicted).r2()).isEqualTo(0.0);
    assertThat(RegressionMetrics.of(java.util.Arrays.copyOf(truth, 7),
        java.util.Arrays.copyOf(truth, 7)).r2()).isEqualTo(1.0);
  }

  @Test
  void oneClassLabels_curvesUndefinedAndReportSaysSo() {
    int[] y = {1, 1, 1};
    double[] s = {0.9, 0.8, 0.7};
    ScoreCurves curves = ScoreCurves.of(y, s);
    assertThat(java.util.Arrays.stream(curves.rocCurve()[0]).allMatch(Double::isNaN)).isTrue();
    assertThat(curves.rocCurve()[1]).containsExactly(0, 1 / 3.0, 1);
    assertThat(curves.averagePrecision()).isEqualTo(1.0);
    assertThat(ScoreCurves.of(new int[] {0, 0}, new double[] {.2, .3}).averagePrecision()).isNaN();
    close(ScoreCurves.logLoss(y, s), 0.22839300363692283);
    BinaryReport report = BinaryReport.of(y, s, 0.5);
    assertThat(report.rocAuc()).isNaN();
    assertThat(report.toMap()).doesNotContainKey("roc_auc").containsKey("pr_auc");
    assertThat(report.toTable()).contains("roc_auc    undefined").doesNotContain("NaN");
  }

  @Test
  void rocAuc_oneClass_throwsWithHint() {
    assertThatThrownBy(() -> ScoreCurves.of(new int[] {1, 1}, new double[] {.2, .3}).rocAuc())
        .isInstanceOf(KilnException.class).hasMessageContaining("only one class");
  }

  @Test
  void thresholds_maxF1AndRecallTarget() {
    double t = Thresholds.maximiseF1(Y, S);
    double bestF1 = BinaryMetrics.atThreshold(Y, S, t).f1();
    for (double candidate : S) {
      assertThat(BinaryMetrics.atThreshold(Y, S, candidate).f1()).isLessThanOrEqualTo(bestF1);
    }
    double r = Thresholds.forRecall(Y, S, 0.8);
    assertThat(BinaryMetrics.atThreshold(Y, S, r).recall()).isGreaterThanOrEqualTo(0.8);
  }
}
