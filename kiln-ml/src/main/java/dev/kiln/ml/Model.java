package dev.kiln.ml;

import java.util.List;
import java.util.Map;

/** A trained model: predicts from a dense feature matrix and saves itself without Java serialization. */
public interface Model {
  /** Returns what the model predicts. */
  Task task();

  /** Returns the feature names the model expects, in order. */
  List<String> featureNames();

  /**
   * Predicts rows of a row-major matrix: the probability of class 1 (binary), the value
   * (regression), or rows x classes probabilities (multiclass).
   */
  double[] predict(float[] features, int rows);

  /**
   * Returns whether a call only computes on the caller's thread (no lock, I/O or wait on other
   * threads), so its cost is bounded by its rows and a server may make small calls on its
   * network threads. False unless an implementation knows it.
   */
  default boolean computesOnly() {
    return false;
  }

  /** Returns the model in its file format (see {@link #format()}). */
  byte[] toBytes();

  /** Returns the file format, e.g. {@code xgboost-json}. */
  String format();

  /** Returns feature importances (total gain), by feature name. */
  Map<String, Double> featureImportance();
}
