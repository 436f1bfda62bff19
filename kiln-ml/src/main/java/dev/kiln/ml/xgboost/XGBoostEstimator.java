package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import dev.kiln.core.progress.Progress;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains XGBoost models through XGBoost4J: binary ({@code binary:logistic}), multiclass
 * ({@code multi:softprob}) and regression ({@code reg:squarederror}), with early stopping on the
 * validation set and class imbalance through {@code scale_pos_weight} or sample weights.
 *
 * <p>The Kiln parameter {@code categorical_features} (a list of feature names holding category
 * codes, as {@code CategoricalEncoder} writes) marks those features as categorical for XGBoost's
 * native categorical splits; it is not passed to XGBoost itself.
 *
 * <p>Sparse one-hot blocks of the training data reach XGBoost as a CSR matrix (no dense copy),
 * where a block's other categories are missing, as with scikit-learn's sparse output.
 *
 * <p>{@code nthread} defaults to 1: on a loaded 2-core machine more threads can be many times
 * slower; set it explicitly to use more cores.
 *
 * @param task what to predict
 * @param params XGBoost parameters (e.g. max_depth, eta, scale_pos_weight, seed)
 * @param rounds the maximum number of boosting rounds
 * @param earlyStoppingRounds stop when the validation metric has not improved for this many
 *     rounds (0 = never)
 */
public record XGBoostEstimator(Task task, Map<String, Object> params, int rounds,
    int earlyStoppingRounds) implements Estimator {

  /** The Kiln parameter naming the categorical features. */
  public static final String CATEGORICAL = "categorical_features";

  /** Copies the parameters. */
  public XGBoostEstimator {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    if (rounds < 1) {
      throw new KilnException("XGBoost needs at least 1 round, got " + rounds + ".",
          "set rounds (n_estimators) to e.g. 100");
    }
  }

  @Override
  public Model fit(TrainingData train, TrainingData validation) {
    XGBoostLibrary.load();
    try {
      DMatrix dtrain = matrix(train, categorical());
      Booster booster = XGBoost.train(dtrain, effectiveParams(train), 0, Map.of(), null, null);
      try (Progress boosted = Progress.start("boost", rounds, "rounds")) {
        if (validation == null || earlyStoppingRounds == 0) {
          for (int iter = 0; iter < rounds; iter++) {
            booster.update(dtrain, iter);
            boosted.step(1);
          }
        } else {
          booster = boostWithEarlyStopping(booster, dtrain, matrix(validation, categorical()),
              boosted);
        }
      }
      return new XGBoostModel(booster, task, train.featureNames());
    } catch (XGBoostError e) {
      throw new KilnException("XGBoost training failed: " + NativeErrors.reason(e),
          "check the parameters (" + params + ") and that labels suit the task " + task, e);
    }
  }

  /**
   * Boosts until the validation metric has not improved on its best for earlyStoppingRounds
   * rounds; records {@code best_iteration} and {@code best_score} as model attributes, as Python
   * XGBoost does, and the validation metric of every round as {@code validation_history}. Returns
   * the model cut to its best round (as Python's {@code EarlyStopping(save_best=True)}), so that
   * every reader of the model file — XGBoost's scikit-learn API, which honours best_iteration, and
   * a plain {@code Booster.predict}, which does not — predicts the same; gblinear keeps its last
   * weights, which is what XGBoost predicts with. Each round steps {@code boosted} and shows the
   * round's and the best validation score.
   */
  private Booster boostWithEarlyStopping(Booster booster, DMatrix dtrain, DMatrix dvalid,
      Progress boosted) throws XGBoostError {
    String metric = String.valueOf(effectiveParams(null).get("eval_metric"));
    boolean maximize = maximizes(metric);
    float best = maximize ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    int bestIter = 0;
    float[] score = new float[1];
    StringBuilder history = new StringBuilder();
    for (int iter = 0; iter < rounds && iter - bestIter <= earlyStoppingRounds; iter++) {
      booster.update(dtrain, iter);
      booster.evalSet(new DMatrix[] {dvalid}, new String[] {"validation"}, iter, score);
      history.append(iter == 0 ? "" : ",").append(score[0]);
      if (maximize ? score[0] > best : score[0] < best) {
        best = score[0];
        bestIter = iter;
      }
      boosted.step(1);
      boosted.detail(String.format(java.util.Locale.ROOT, "validation %s %.5g (best %.5g at %d)",
          metric, score[0], best, bestIter + 1));
    }
    booster.setAttr("best_iteration", String.valueOf(bestIter));
    booster.setAttr("best_score", String.valueOf(best));
    booster.setAttr(XGBoostModel.VALIDATION_HISTORY, history.toString());
    if (bestIter + 1 == booster.getNumBoostedRound()
        || "gblinear".equals(String.valueOf(effectiveParams(null).get("booster")))) {
      return booster;
    }
    try {
      Booster cut = XGBoost.loadModel(ModelSlice.firstRounds(booster.toByteArray("json"),
          bestIter + 1));
      booster.dispose();
      return cut;
    } catch (java.io.IOException e) {
      throw new KilnException("Cannot keep the best rounds of the XGBoost model: "
          + e.getMessage(), null, e);
    }
  }

  private static boolean maximizes(String metric) {
    return metric.startsWith("auc") || metric.startsWith("map") || metric.startsWith("ndcg")
        || metric.startsWith("pre");
  }

  /** Returns the parameters with Kiln's defaults for the task; train may be null. */
  private Map<String, Object> effectiveParams(TrainingData train) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("nthread", 1);
    p.put("verbosity", 0);
    switch (task) {
      case BINARY_CLASSIFICATION -> {
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "aucpr");
      }
      case MULTICLASS_CLASSIFICATION -> {
        p.put("objective", "multi:softprob");
        p.put("eval_metric", "mlogloss");
        if (train != null) {
          p.put("num_class", numClasses(train));
        }
      }
      case REGRESSION -> {
        p.put("objective", "reg:squarederror");
        p.put("eval_metric", "rmse");
      }
    }
    p.putAll(params);
    p.remove(CATEGORICAL);
    return p;
  }

  private static int numClasses(TrainingData train) {
    int max = 0;
    for (float label : train.labels()) {
      max = Math.max(max, Math.round(label));
    }
    return max + 1;
  }

  private java.util.Set<String> categorical() {
    Object names = params.getOrDefault(CATEGORICAL, List.of());
    if (!(names instanceof java.util.Collection<?> c)) {
      throw new KilnException("XGBoost parameter '" + CATEGORICAL + "' must be a list of feature"
          + " names, got '" + names + "'.", "write e.g. categorical_features: [city, brand]");
    }
    java.util.Set<String> set = new java.util.HashSet<>();
    c.forEach(n -> set.add(String.valueOf(n)));
    return set;
  }

  static DMatrix matrix(TrainingData data, java.util.Set<String> categorical)
      throws XGBoostError {
    DMatrix m = data.oneHot().isEmpty()
        ? new DMatrix(data.features(), data.rows(), data.featureNames().size(), Float.NaN)
        : SparseInput.csr(data.matrix());
    m.setLabel(data.labels());
    if (data.weights() != null) {
      m.setWeight(data.weights());
    }
    m.setFeatureNames(data.featureNames().toArray(String[]::new));
    if (!categorical.isEmpty()) {
      m.setFeatureTypes(data.featureNames().stream()
          .map(n -> categorical.contains(n) ? "c" : "q").toArray(String[]::new));
    }
    return m;
  }
}
