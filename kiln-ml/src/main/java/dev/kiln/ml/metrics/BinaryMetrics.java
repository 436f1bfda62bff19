package dev.kiln.ml.metrics;

/**
 * Binary classification metrics with scikit-learn's definitions (current versions): precision,
 * recall and F1 = 2TP/(2TP+FP+FN), each 0 when its denominator is 0 (zero_division=0).
 *
 * @param tn true negatives
 * @param fp false positives
 * @param fn false negatives
 * @param tp true positives
 */
public record BinaryMetrics(long tn, long fp, long fn, long tp) {

  /** Counts the confusion matrix of labels (0/1) against predictions (0/1). */
  public static BinaryMetrics of(int[] truth, int[] predicted) {
    MetricChecks.sameLength(truth.length, predicted.length);
    long tn = 0;
    long fp = 0;
    long fn = 0;
    long tp = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean t = truth[i] == 1;
      boolean p = predicted[i] == 1;
      if (t && p) {
        tp++;
      } else if (t) {
        fn++;
      } else if (p) {
        fp++;
      } else {
        tn++;
      }
    }
    return new BinaryMetrics(tn, fp, fn, tp);
  }

  /** Counts the confusion matrix of labels against {@code score >= threshold}. */
  public static BinaryMetrics atThreshold(int[] truth, double[] scores, double threshold) {
    int[] predicted = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      predicted[i] = scores[i] >= threshold ? 1 : 0;
    }
    return of(truth, predicted);
  }

  /** Returns the share of correct predictions. */
  public double accuracy() {
    return ratio(tp + tn, tp + tn + fp + fn);
  }

  /** Returns TP / (TP + FP). */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** Returns TP / (TP + FN). */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /** Returns 2TP / (2TP + FP + FN). */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  /** Returns the confusion matrix {@code [[TN, FP], [FN, TP]]} (rows: truth). */
  public long[][] confusionMatrix() {
    return new long[][] {{tn, fp}, {fn, tp}};
  }

  private static double ratio(long num, long den) {
    return den == 0 ? 0.0 : (double) num / den;
  }
}
