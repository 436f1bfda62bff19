package dev.kiln.ml.metrics;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Multiclass metrics with scikit-learn's definitions: the confusion matrix over the sorted union
 * of labels (rows: truth), per-class precision, recall and F1 (one-vs-rest, 0 on a zero
 * denominator), and their macro (unweighted), weighted (by support) and micro (pooled) averages.
 */
public final class MulticlassMetrics {
  private final int[] labels;
  private final long[][] matrix;

  private MulticlassMetrics(int[] labels, long[][] matrix) {
    this.labels = labels;
    this.matrix = matrix;
  }

  /** Counts the confusion matrix of labels against predictions. */
  public static MulticlassMetrics of(int[] truth, int[] predicted) {
    MetricChecks.sameLength(truth.length, predicted.length);
    TreeSet<Integer> union = new TreeSet<>();
    Arrays.stream(truth).forEach(union::add);
    Arrays.stream(predicted).forEach(union::add);
    int[] labels = union.stream().mapToInt(Integer::intValue).toArray();
    long[][] matrix = new long[labels.length][labels.length];
    for (int i = 0; i < truth.length; i++) {
      matrix[Arrays.binarySearch(labels, truth[i])][Arrays.binarySearch(labels, predicted[i])]++;
    }
    return new MulticlassMetrics(labels, matrix);
  }

  /** Returns the sorted labels (the matrix's row and column order). */
  public int[] labels() {
    return labels.clone();
  }

  /** Returns the confusion matrix (rows: truth, columns: prediction). */
  public long[][] confusionMatrix() {
    return Arrays.stream(matrix).map(long[]::clone).toArray(long[][]::new);
  }

  /** Returns the share of correct predictions (equal to micro precision, recall and F1). */
  public double accuracy() {
    long correct = 0;
    long total = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += matrix[i][i];
      total += Arrays.stream(matrix[i]).sum();
    }
    return (double) correct / total;
  }

  /** Returns the one-vs-rest metrics of one class index. */
  public BinaryMetrics ofClass(int index) {
    long tp = matrix[index][index];
    long fn = Arrays.stream(matrix[index]).sum() - tp;
    long fp = -tp;
    for (long[] row : matrix) {
      fp += row[index];
    }
    long total = Arrays.stream(matrix).flatMapToLong(Arrays::stream).sum();
    return new BinaryMetrics(total - tp - fn - fp, fp, fn, tp);
  }

  /** Returns the unweighted mean of per-class precision, recall and F1. */
  public double[] macro() {
    return average(false);
  }

  /** Returns the support-weighted mean of per-class precision, recall and F1. */
  public double[] weighted() {
    return average(true);
  }

  private double[] average(boolean bySupport) {
    double[] sums = new double[3];
    double weights = 0;
    for (int i = 0; i < labels.length; i++) {
      BinaryMetrics m = ofClass(i);
      double w = bySupport ? m.tp() + m.fn() : 1;
      sums[0] += w * m.precision();
      sums[1] += w * m.recall();
      sums[2] += w * m.f1();
      weights += w;
    }
    return new double[] {sums[0] / weights, sums[1] / weights, sums[2] / weights};
  }
}
