package dev.kiln.ml.metrics;

import dev.kiln.core.KilnException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Score-based binary metrics with scikit-learn's exact definitions: the ROC curve (one point per
 * distinct score, ties form one step, first threshold +inf), ROC-AUC (trapezoids), the
 * precision-recall curve and average precision (a step sum, not a trapezoid), and log loss.
 *
 * <p>Labels of one class only: ROC-AUC throws and the ROC curve's undefined rate is NaN, as in
 * scikit-learn; average precision without positives is NaN (scikit-learn 1.2 returns 0 with a
 * warning, which reads like a real score); log loss is defined (the labels are known to be 0/1;
 * it equals scikit-learn's {@code log_loss(y, p, labels=[0, 1])}).
 */
public final class ScoreCurves {
  private final double[] thresholds;
  private final long[] tps;
  private final long[] fps;
  private final long positives;
  private final long negatives;

  private ScoreCurves(int[] truth, double[] scores) {
    MetricChecks.sameLength(truth.length, scores.length);
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    int distinct = 0;
    double[] thr = new double[scores.length];
    long[] tp = new long[scores.length];
    long[] fp = new long[scores.length];
    long t = 0;
    long f = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      if (truth[i] == 1) {
        t++;
      } else {
        f++;
      }
      if (k == order.length - 1 || scores[order[k + 1]] != scores[i]) {
        thr[distinct] = scores[i];
        tp[distinct] = t;
        fp[distinct] = f;
        distinct++;
      }
    }
    this.thresholds = Arrays.copyOf(thr, distinct);
    this.tps = Arrays.copyOf(tp, distinct);
    this.fps = Arrays.copyOf(fp, distinct);
    this.positives = t;
    this.negatives = f;
  }

  /** Computes the curves of labels (0/1) against scores (higher = more positive). */
  public static ScoreCurves of(int[] truth, double[] scores) {
    return new ScoreCurves(truth, scores);
  }

  /**
   * Returns the area under the ROC curve.
   *
   * @throws KilnException if the labels hold only one class (the AUC is undefined)
   */
  public double rocAuc() {
    if (positives == 0 || negatives == 0) {
      throw new KilnException("ROC-AUC is undefined when the labels hold only one class.",
          "evaluate on data with both classes (use a stratified split)");
    }
    double area = 0;
    double prevTpr = 0;
    double prevFpr = 0;
    for (int k = 0; k < thresholds.length; k++) {
      double tpr = (double) tps[k] / positives;
      double fpr = (double) fps[k] / negatives;
      area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
    }
    return area;
  }

  /**
   * Returns the ROC curve as {@code [fpr, tpr, thresholds]}, starting at (0, 0, +inf), without
   * intermediate collinear points (scikit-learn's default {@code drop_intermediate=True}); the
   * rate of a class absent from the labels is NaN throughout.
   */
  public double[][] rocCurve() {
    int[] kept = java.util.stream.IntStream.range(0, thresholds.length)
        .filter(k -> k == 0 || k == thresholds.length - 1
            || fps[k + 1] - 2 * fps[k] + fps[k - 1] != 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] != 0)
        .toArray();
    double[][] curve = new double[3][kept.length + 1];
    curve[0][0] = negatives == 0 ? Double.NaN : 0;
    curve[1][0] = positives == 0 ? Double.NaN : 0;
    curve[2][0] = Double.POSITIVE_INFINITY;
    for (int j = 0; j < kept.length; j++) {
      int k = kept[j];
      curve[0][j + 1] = negatives == 0 ? Double.NaN : (double) fps[k] / negatives;
      curve[1][j + 1] = positives == 0 ? Double.NaN : (double) tps[k] / positives;
      curve[2][j + 1] = thresholds[k];
    }
    return curve;
  }

  /**
   * Returns the precision-recall curve as {@code [precision, recall, thresholds]} in scikit-learn's
   * order: increasing thresholds, then a final (precision 1, recall 0) point with no threshold.
   */
  public double[][] precisionRecallCurve() {
    int n = thresholds.length;
    double[][] curve = new double[3][];
    curve[0] = new double[n + 1];
    curve[1] = new double[n + 1];
    curve[2] = new double[n];
    for (int k = 0; k < n; k++) {
      int r = n - 1 - k;
      long predicted = tps[k] + fps[k];
      curve[0][r] = predicted == 0 ? 0 : (double) tps[k] / predicted;
      curve[1][r] = positives == 0 ? 1.0 : (double) tps[k] / positives;
      curve[2][r] = thresholds[k];
    }
    curve[0][n] = 1.0;
    curve[1][n] = 0.0;
    return curve;
  }

  /**
   * Returns average precision: the sum over thresholds of (R_n - R_{n-1}) * P_n; NaN when the
   * labels hold no positive.
   */
  public double averagePrecision() {
    if (positives == 0) {
      return Double.NaN;
    }
    double[][] pr = precisionRecallCurve();
    double sum = 0;
    for (int i = 0; i < pr[1].length - 1; i++) {
      sum -= (pr[1][i + 1] - pr[1][i]) * pr[0][i];
    }
    return sum;
  }

  /**
   * Returns the mean negative log-likelihood of labels given probabilities of class 1, clipped to
   * [eps, 1 - eps] with eps the double machine epsilon; defined for labels of one class too.
   */
  public static double logLoss(int[] truth, double[] probabilities) {
    MetricChecks.sameLength(truth.length, probabilities.length);
    double eps = Math.ulp(1.0);
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
      sum -= truth[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / truth.length;
  }

  /** Returns the number of positive labels. */
  public long positives() {
    return positives;
  }

  /** Returns the number of negative labels. */
  public long negatives() {
    return negatives;
  }
}
