package dev.kiln.ml.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted linear model: an intercept and one coefficient per feature, stored as JSON.
 *
 * @param task binary classification (sigmoid of the linear score) or regression
 * @param featureNames the features, in order
 * @param intercept the intercept
 * @param coefficients one per feature
 * @param featureMeans the training rows' mean of each feature, the background of the SHAP values
 *     (null in models written before they were stored: zeros are assumed)
 */
public record LinearModel(Task task, List<String> featureNames, double intercept,
    double[] coefficients, double[] featureMeans) implements Model, dev.kiln.ml.Explainable {
  /** The format name of Kiln's linear models. */
  public static final String FORMAT = "kiln-linear-json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the names. */
  public LinearModel {
    featureNames = List.copyOf(featureNames);
  }

  /**
   * Reads a model written by {@link #toBytes()}.
   *
   * @throws KilnException if the bytes are not such a model
   */
  public static LinearModel load(byte[] json) {
    try {
      return JSON.readValue(json, LinearModel.class);
    } catch (java.io.IOException e) {
      throw new KilnException("Not a Kiln linear model: " + e.getMessage(),
          "pass a file written by LinearModel.toBytes", e);
    }
  }

  /** Returns true: a call is arithmetic over the rows. */
  @Override
  public boolean computesOnly() {
    return true;
  }

  @Override
  public double[] predict(float[] features, int rows) {
    int f = coefficients.length;
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      double z = intercept;
      for (int j = 0; j < f; j++) {
        z += coefficients[j] * features[i * f + j];
      }
      out[i] = task == Task.REGRESSION ? z : 1 / (1 + Math.exp(-z));
    }
    return out;
  }

  /**
   * Returns the exact SHAP values of a linear model with independent features, as SHAP's
   * LinearExplainer computes them: coefficient times (value - training mean) per feature, and the
   * score at the training means as the bias. They add up to the linear score (the log-odds for a
   * classifier).
   */
  @Override
  public float[][] contributions(float[] features, int rows) {
    int f = coefficients.length;
    double bias = intercept;
    for (int j = 0; j < f; j++) {
      bias += coefficients[j] * mean(j);
    }
    float[][] out = new float[rows][f + 1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < f; j++) {
        out[i][j] = (float) (coefficients[j] * (features[i * f + j] - mean(j)));
      }
      out[i][f] = (float) bias;
    }
    return out;
  }

  private double mean(int feature) {
    return featureMeans == null ? 0 : featureMeans[feature];
  }

  @Override
  public byte[] toBytes() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a linear model is plain data", e);
    }
  }

  @Override
  public String format() {
    return FORMAT;
  }

  /** Returns the absolute coefficients, by feature (meaningful on standardised features). */
  @Override
  public Map<String, Double> featureImportance() {
    Map<String, Double> result = new TreeMap<>();
    for (int j = 0; j < coefficients.length; j++) {
      result.put(featureNames.get(j), Math.abs(coefficients[j]));
    }
    return result;
  }
}
