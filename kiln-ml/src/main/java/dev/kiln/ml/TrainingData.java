package dev.kiln.ml;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * A dense, row-major feature matrix (NaN = missing) with labels and optional sample weights, the
 * form estimators train on. Built from a frame of numeric columns.
 *
 * @param features rows x featureNames.size() values, row-major
 * @param rows the number of rows
 * @param featureNames the feature (column) names, in matrix order
 * @param labels one label per row (class index or target value)
 * @param weights one weight per row, or null for equal weights
 */
public record TrainingData(float[] features, int rows, List<String> featureNames, float[] labels,
    float[] weights) {

  /**
   * Validates the shapes.
   *
   * @throws KilnException if the arrays do not match the row and feature counts
   */
  public TrainingData {
    featureNames = List.copyOf(featureNames);
    if (features.length != (long) rows * featureNames.size() || labels.length != rows
        || (weights != null && weights.length != rows)) {
      throw new KilnException("Training data shapes disagree: " + rows + " rows, "
          + featureNames.size() + " features, " + features.length + " values, " + labels.length
          + " labels.", "build it with TrainingData.of(frame, label)");
    }
  }

  /**
   * Takes every column but the label as a feature.
   *
   * @throws dev.kiln.data.DataFormatException if a column is not numeric (encode it first) or
   *     the label column is missing
   */
  public static TrainingData of(Frame frame, String label) {
    Column y = frame.column(label);
    List<String> names = frame.drop(List.of(label)).columnNames();
    float[] labels = new float[frame.rowCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (float) y.getDouble(i);
    }
    return new TrainingData(frame.toFloatMatrix(names), frame.rowCount(), names, labels, null);
  }

  /** Returns a copy with sample weights. */
  public TrainingData withWeights(float[] sampleWeights) {
    return new TrainingData(features, rows, featureNames, labels, sampleWeights);
  }

  /** Returns the given rows, in that order. */
  public TrainingData take(int[] rowIndexes) {
    int f = featureNames.size();
    float[] x = new float[rowIndexes.length * f];
    float[] y = new float[rowIndexes.length];
    float[] w = weights == null ? null : new float[rowIndexes.length];
    for (int i = 0; i < rowIndexes.length; i++) {
      System.arraycopy(features, rowIndexes[i] * f, x, i * f, f);
      y[i] = labels[rowIndexes[i]];
      if (w != null) {
        w[i] = weights[rowIndexes[i]];
      }
    }
    return new TrainingData(x, rowIndexes.length, featureNames, y, w);
  }

  /** Returns the labels as class indexes. */
  public int[] classLabels() {
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = Math.round(labels[i]);
    }
    return out;
  }
}
