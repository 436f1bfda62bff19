package dev.kiln.ml.metrics;

/** Chooses a classification threshold on scores. */
public final class Thresholds {
  private Thresholds() {}

  /** Returns the score threshold with the highest F1 (the highest such threshold on ties). */
  public static double maximiseF1(int[] truth, double[] scores) {
    double[][] pr = ScoreCurves.of(truth, scores).precisionRecallCurve();
    double best = -1;
    double threshold = 0.5;
    for (int i = 0; i < pr[2].length; i++) {
      double p = pr[0][i];
      double r = pr[1][i];
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      if (f1 >= best) {
        best = f1;
        threshold = pr[2][i];
      }
    }
    return threshold;
  }

  /** Returns the highest threshold whose recall reaches the target (0 to 1). */
  public static double forRecall(int[] truth, double[] scores, double targetRecall) {
    double[][] pr = ScoreCurves.of(truth, scores).precisionRecallCurve();
    for (int i = pr[2].length - 1; i >= 0; i--) {
      if (pr[1][i] >= targetRecall) {
        return pr[2][i];
      }
    }
    return pr[2][0];
  }
}
