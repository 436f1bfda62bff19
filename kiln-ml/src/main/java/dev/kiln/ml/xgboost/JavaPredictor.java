package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;

/**
 * An XGBoost model compiled for prediction in plain Java, with XGBoost's own arithmetic: a
 * {@link TreeEnsemble} (gbtree, dart) or a {@link LinearBooster} (gblinear).
 */
sealed interface JavaPredictor permits TreeEnsemble, LinearBooster {
  /**
   * Compiles any booster of an XGBoost JSON model.
   *
   * @throws KilnException if the model uses something the Java predictor does not evaluate
   */
  static JavaPredictor compile(XGBoostJson model) {
    return model.booster().equals("gblinear") ? LinearBooster.compile(model)
        : TreeEnsemble.compile(model);
  }

  /** Returns the number of output values per row. */
  int outputsPerRow();

  /** Returns the number of features per row the model reads. */
  int features();

  /**
   * Predicts rows of a row-major matrix ({@link #features()} values per row, NaN = missing) into
   * {@code out} (rows x outputsPerRow), as XGBoost's predict does.
   */
  void predict(float[] features, int rows, double[] out);
}
