package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** A trained XGBoost model, stored in XGBoost's own JSON format (readable by Python XGBoost). */
public final class XGBoostModel implements Model {
  /** The format name of XGBoost JSON models. */
  public static final String FORMAT = "xgboost-json";
  /** The model attribute holding the validation metric of every boosting round. */
  static final String VALIDATION_HISTORY = "validation_history";

  /**
   * Up to this many rows, predictions walk the trees in Java instead of calling XGBoost; the
   * system property {@code kiln.xgboost.java-rows} changes it (0: always call XGBoost).
   */
  static final int JAVA_ROWS = Integer.getInteger("kiln.xgboost.java-rows", 64);

  private final Booster booster;
  private final Task task;
  private final List<String> featureNames;
  private volatile TreeEnsemble trees;
  private volatile boolean treesUnsupported;

  XGBoostModel(Booster booster, Task task, List<String> featureNames) {
    this.booster = booster;
    this.task = task;
    this.featureNames = List.copyOf(featureNames);
  }

  /**
   * Loads a model from XGBoost JSON (written by Kiln or by Python XGBoost).
   *
   * @throws KilnException if the bytes are not an XGBoost model
   */
  public static XGBoostModel load(byte[] json, Task task, List<String> featureNames) {
    try {
      return new XGBoostModel(XGBoost.loadModel(json), task, featureNames);
    } catch (XGBoostError | IOException e) {
      throw new KilnException("Not a valid XGBoost model: " + e.getMessage(),
          "pass a model saved by XGBoost as JSON (save_model('model.json'))", e);
    }
  }

  @Override
  public Task task() {
    return task;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public double[] predict(float[] features, int rows) {
    TreeEnsemble java = rows <= JAVA_ROWS ? trees() : null;
    if (java != null) {
      double[] out = new double[rows * java.outputsPerRow()];
      java.predict(features, rows, out);
      return out;
    }
    try {
      float[][] raw = booster.inplace_predict(features, rows, featureNames.size(), Float.NaN);
      int width = raw.length == 0 ? 0 : raw[0].length;
      double[] out = new double[rows * width];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < width; k++) {
          out[i * width + k] = raw[i][k];
        }
      }
      return out;
    } catch (XGBoostError e) {
      throw new KilnException("XGBoost prediction failed: " + e.getMessage(),
          "pass " + featureNames.size() + " features per row", e);
    }
  }

  /**
   * Returns the model compiled for the plain-Java predictor (a few microseconds per row where a
   * native call costs ~80), or null if it uses features that predictor does not support.
   */
  private TreeEnsemble trees() {
    if (trees == null && !treesUnsupported) {
      try {
        trees = TreeEnsemble.fromJson(toBytes());
      } catch (KilnException e) {
        treesUnsupported = true;
      }
    }
    return trees;
  }

  /** Returns the version of the XGBoost library Kiln trains and predicts with, or "unknown". */
  public static String libraryVersion() {
    try (var in = XGBoost.class.getClassLoader().getResourceAsStream(
        "xgboost4j-version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Returns the validation metric of every boosting round when the model was trained with early
   * stopping (by Kiln), else an empty list.
   */
  public List<Double> validationHistory() {
    try {
      String text = booster.getAttr(VALIDATION_HISTORY);
      if (text == null || text.isEmpty()) {
        return List.of();
      }
      return java.util.Arrays.stream(text.split(",")).map(Double::valueOf).toList();
    } catch (XGBoostError e) {
      throw new KilnException("Cannot read the model's attributes: " + e.getMessage(), null, e);
    }
  }

  /** Returns per-row SHAP: one per feature plus the bias, last. */
  public float[][] contributions(float[] features, int rows) {
    try {
      return booster.predictContrib(new DMatrix(features, rows, featureNames.size(), Float.NaN), 0);
    } catch (XGBoostError e) {
      throw new KilnException("XGBoost contributions failed: " + e.getMessage(), null, e);
    }
  }

  @Override
  public byte[] toBytes() {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new KilnException("Cannot save XGBoost model: " + e.getMessage(), null, e);
    }
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public Map<String, Double> featureImportance() {
    try {
      Map<String, Double> gain = booster.getScore(featureNames.toArray(String[]::new), "total_gain");
      Map<String, Double> result = new TreeMap<>();
      featureNames.forEach(f -> result.put(f, gain.getOrDefault(f, 0.0)));
      return result;
    } catch (XGBoostError e) {
      throw new KilnException("Cannot compute feature importance: " + e.getMessage(), null, e);
    }
  }
}
