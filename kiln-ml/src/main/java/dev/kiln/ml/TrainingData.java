package dev.kiln.ml;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.EncodedFrame;
import java.util.List;

/**
 * A feature matrix (NaN = missing) with labels and optional sample weights, the form estimators
 * train on: dense features row-major, and sparse one-hot blocks as one code per row (see {@link
 * FeatureMatrix}). Built from a frame of numeric columns, or from encoded rows.
 *
 * @param features rows x (features not in a one-hot block) values, row-major, in feature order
 * @param rows the number of rows
 * @param featureNames every feature (column) name, in matrix order
 * @param labels one label per row (class index or target value)
 * @param weights one weight per row, or null for equal weights
 * @param oneHot the sparse one-hot blocks (empty: every feature is dense)
 */
public record TrainingData(float[] features, int rows, List<String> featureNames, float[] labels,
    float[] weights, List<OneHotBlock> oneHot) {

  /**
   * Validates the shapes.
   *
   * @throws KilnException if the arrays do not match the row and feature counts
   */
  public TrainingData {
    featureNames = List.copyOf(featureNames);
    oneHot = List.copyOf(oneHot);
    new FeatureMatrix(features, rows, featureNames, oneHot);
    if (labels.length != rows || (weights != null && weights.length != rows)) {
      throw new KilnException("Training data shapes disagree: " + rows + " rows, "
          + labels.length + " labels" + (weights == null ? "" : ", " + weights.length
          + " weights") + ".", "build it with TrainingData.of(frame, label)");
    }
  }

  /** Creates dense training data (every feature in {@code features}). */
  public TrainingData(float[] features, int rows, List<String> featureNames, float[] labels,
      float[] weights) {
    this(features, rows, featureNames, labels, weights, List.of());
  }

  /**
   * Takes every column but the label as a feature.
   *
   * @throws dev.kiln.data.DataFormatException if a column is not numeric (encode it first) or
   *     the label column is missing
   */
  public static TrainingData of(Frame frame, String label) {
    return of(new EncodedFrame(frame, java.util.Map.of()), label);
  }

  /**
   * Takes every column of encoded rows but the label as a feature, sparse one-hot blocks as
   * codes.
   *
   * @throws dev.kiln.data.DataFormatException if a column is not numeric or the label column is
   *     missing
   */
  public static TrainingData of(EncodedFrame encoded, String label) {
    Column y = encoded.frame().column(label);
    EncodedFrame x = new EncodedFrame(encoded.frame().drop(List.of(label)), encoded.oneHot());
    FeatureMatrix m = FeatureMatrix.of(x, x.featureNames());
    float[] labels = new float[m.rows()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (float) y.getDouble(i);
    }
    return new TrainingData(m.dense(), m.rows(), m.featureNames(), labels, null, m.oneHot());
  }

  /** Returns the features (without labels and weights). */
  public FeatureMatrix matrix() {
    return new FeatureMatrix(features, rows, featureNames, oneHot);
  }

  /** Returns a copy with sample weights. */
  public TrainingData withWeights(float[] sampleWeights) {
    return new TrainingData(features, rows, featureNames, labels, sampleWeights, oneHot);
  }

  /** Returns the given rows, in that order. */
  public TrainingData take(int[] rowIndexes) {
    FeatureMatrix x = matrix().take(rowIndexes);
    float[] y = new float[rowIndexes.length];
    float[] w = weights == null ? null : new float[rowIndexes.length];
    for (int i = 0; i < rowIndexes.length; i++) {
      y[i] = labels[rowIndexes[i]];
      if (w != null) {
        w[i] = weights[rowIndexes[i]];
      }
    }
    return new TrainingData(x.dense(), x.rows(), featureNames, y, w, x.oneHot());
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
