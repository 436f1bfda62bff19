package dev.kiln.ml;

/**
 * A model that splits each prediction's margin (log-odds for classifiers) into one additive
 * contribution per feature plus a bias.
 */
public interface Explainable {
  /**
   * Returns, per row of a row-major matrix, one contribution per feature and the bias, last; they
   * add up to the row's margin.
   */
  float[][] contributions(float[] features, int rows);
}
