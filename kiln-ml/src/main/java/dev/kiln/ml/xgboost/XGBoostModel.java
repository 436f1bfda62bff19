package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import dev.kiln.ml.FeatureMatrix;
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
public final class XGBoostModel implements Model, dev.kiln.ml.Explainable {
  /** The format name of XGBoost JSON models. */
  public static final String FORMAT = "xgboost-json";
  /** The model attribute holding the validation metric of every boosting round. */
  static final String VALIDATION_HISTORY = "validation_history";

  /**
   * Up to this many rows a call is predicted in plain Java when the model compiles (every
   * objective and booster of XGBoost 1.7–3.0; not multi-target trees): by default every call, as
   * the Java predictor measured faster than XGBoost4J's native one at every batch size (on the
   * fraud model, 143 trees of depth 6: about 2x at 100 and at 10,000 rows against {@code
   * inplace_predict} with one thread; {@code bench/run trees}), and it takes no lock and no native
   * call. The two give the same floats bit for bit (the parity tests check batch sizes 1, 3, 4, 5,
   * 63, 64, 65, 127, 128 and 10,000, through both), so the routing never shows in results. The
   * system property {@code kiln.xgboost.java-rows=N} sends calls of more than N rows to XGBoost
   * (0: every call).
   */
  static final int JAVA_ROWS = Integer.getInteger("kiln.xgboost.java-rows", Integer.MAX_VALUE);

  private final Booster booster;
  private final Task task;
  private final List<String> featureNames;
  private volatile Compiled compiled;

  /**
   * The model's JSON facts, its Java predictor (or the reason it has none) and the boosting rounds
   * prediction uses (0: all).
   */
  private record Compiled(XGBoostJson json, JavaPredictor java, String unsupported,
      int iterationEnd) {
    boolean linear() {
      return json != null && json.booster().equals("gblinear");
    }
  }

  XGBoostModel(Booster booster, Task task, List<String> featureNames) {
    this.booster = booster;
    this.task = task;
    this.featureNames = List.copyOf(featureNames);
  }

  /**
   * Loads a model from XGBoost JSON (written by Kiln or by Python XGBoost). A model trained with
   * early stopping predicts with the rounds up to its {@code best_iteration}, as XGBoost's
   * scikit-learn API does. What XGBoost computes itself (models the Java predictor does not
   * evaluate, SHAP contributions) runs on one thread per call.
   *
   * @throws KilnException if the bytes are not an XGBoost model, the model takes another number of
   *     features than {@code featureNames} names, or its best_iteration is not one of its rounds
   */
  public static XGBoostModel load(byte[] json, Task task, List<String> featureNames) {
    XGBoostLibrary.load();
    Booster booster;
    long features;
    try {
      booster = XGBoost.loadModel(json);
      // native calls come from a server's threads: XGBoost's own would compete with them
      booster.setParam("nthread", "1");
      features = booster.getNumFeature();
    } catch (XGBoostError | IOException e) {
      byte[] upgraded = XGBoostJson.upgraded(json);
      if (upgraded != null) {
        return load(upgraded, task, featureNames);
      }
      throw new KilnException("Not a valid XGBoost model (XGBoost: " + NativeErrors.reason(e)
          + ").", "pass a model saved by XGBoost as JSON (save_model('model.json'))", e);    }
    if (features != featureNames.size()) {
      booster.dispose();
      throw new KilnException("The XGBoost model takes " + features + (features == 1
          ? " feature" : " features") + ", but "
          + featureNames.size() + " feature names are given.",
          "the feature names must be the model's features, in training order");
    }
    XGBoostModel model = new XGBoostModel(booster, task, featureNames);
    try {
      model.compiled();
    } catch (KilnException e) {
      booster.dispose();
      throw e;
    }
    return model;
  }

  @Override
  public Task task() {
    return task;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * {@inheritDoc} For {@code multi:softmax} models, one class index per row, as XGBoost. Models
   * trained with early stopping use the rounds up to their best iteration, as XGBoost's
   * scikit-learn API ({@code XGBClassifier.predict_proba}, {@code XGBRegressor.predict}) does.
   *
   * @throws KilnException if the matrix holds fewer than rows x featureNames().size() values
   */
  @Override
  public double[] predict(float[] features, int rows) {
    if (features.length < (long) rows * featureNames.size()) {
      throw new KilnException("Expected " + rows + " rows of " + featureNames.size()
          + " features (" + (long) rows * featureNames.size() + " values), got "
          + features.length + " values.", "pass one value per feature per row, NaN if missing");
    }
    Compiled c = compiled();
    if (c.java() != null && rows <= JAVA_ROWS && c.java().features() == featureNames.size()) {
      double[] out = new double[rows * c.java().outputsPerRow()];
      c.java().predict(features, rows, out);
      return out;
    }
    try {
      return flatten(c.linear()
          ? booster.predict(new DMatrix(features, rows, featureNames.size(), Float.NaN))
          : booster.inplace_predict(features, rows, featureNames.size(), Float.NaN,
              new int[] {0, c.iterationEnd()}));
    } catch (XGBoostError e) {
      throw new KilnException("XGBoost prediction failed: " + NativeErrors.reason(e),
          "pass " + featureNames.size() + " features per row", e);
    }
  }

  /**
   * {@inheritDoc} Rows with one-hot blocks are predicted in plain Java straight from their codes
   * (a split on a block's feature sees 1 for the row's category and missing for the others, as
   * XGBoost saw the CSR matrix in training), whatever the batch size; only a model the Java
   * predictor does not evaluate takes bounded dense chunks through XGBoost.
   *
   * @throws KilnException if the rows do not have the model's features
   */
  @Override
  public double[] predict(FeatureMatrix x) {
    if (x.featureNames().size() != featureNames.size()) {
      throw new KilnException("Expected rows of " + featureNames.size() + " features, got "
          + x.featureNames().size() + ".", "pass the features the model was trained on");
    }
    Compiled c = compiled();
    if (x.oneHot().isEmpty() || !(c.java() instanceof TreeEnsemble trees)
        || trees.features() != featureNames.size()) {
      return Model.super.predict(x);
    }
    double[] out = new double[x.rows() * trees.outputsPerRow()];
    trees.predict(x, out);
    return out;
  }

  /**
   * Returns whether calls only compute: true but for a linear booster whose larger calls go to
   * XGBoost4J's {@code predict}, which locks the booster (when {@code kiln.xgboost.java-rows}
   * limits the Java predictor).
   */
  @Override
  public boolean computesOnly() {
    Compiled c = compiled();
    return !c.linear() || (c.java() != null && JAVA_ROWS == Integer.MAX_VALUE);
  }

  /** Returns whether predictions are computed in plain Java (else by XGBoost), and why not. */
  public String predictor() {
    Compiled c = compiled();
    return c.java() != null ? "java" : "native (" + c.unsupported() + ")";
  }

  private static double[] flatten(float[][] raw) {
    int width = raw.length == 0 ? 0 : raw[0].length;
    double[] out = new double[raw.length * width];
    for (int i = 0; i < raw.length; i++) {
      for (int k = 0; k < width; k++) {
        out[i * width + k] = raw[i][k];
      }
    }
    return out;
  }

  /**
   * Compiles the model for the plain-Java predictor once (a few microseconds per row).
   *
   * @throws KilnException if the model's best_iteration is not one of its rounds
   */
  private Compiled compiled() {
    Compiled c = compiled;
    if (c == null) {
      XGBoostJson json;
      try {
        json = XGBoostJson.parse(toBytes());
      } catch (KilnException e) {
        return compiled = new Compiled(null, null, e.getMessage(), 0);
      }
      int end = json.iterationEnd();
      try {
        c = new Compiled(json, JavaPredictor.compile(json), null, end);
      } catch (KilnException e) {
        c = new Compiled(json, null, e.getMessage(), end);
      }
      compiled = c;
    }
    return c;
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
      throw new KilnException("Cannot read the model's attributes: " + NativeErrors.reason(e),
          null, e);
    }
  }

  /**
   * Returns per-row SHAP values (XGBoost's TreeSHAP): one per feature plus the bias, last; over the
   * same rounds as {@link #predict}.
   */
  @Override
  public float[][] contributions(float[] features, int rows) {
    Compiled c = compiled();
    // XGBoost4J only takes the deprecated tree limit here: rounds x trees per round
    int treeLimit = c.json() == null ? 0 : c.iterationEnd() * c.json().parallelTrees();
    try {
      return booster.predictContrib(new DMatrix(features, rows, featureNames.size(), Float.NaN),
          treeLimit);
    } catch (XGBoostError e) {
      throw new KilnException("XGBoost contributions failed: " + NativeErrors.reason(e), null, e);
    }
  }

  @Override
  public byte[] toBytes() {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new KilnException("Cannot save XGBoost model: " + NativeErrors.reason(e), null, e);
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
      throw new KilnException("Cannot compute feature importance: " + NativeErrors.reason(e), null, e);
    }
  }
}
