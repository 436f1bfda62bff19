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
   * Predicts rows whose one-hot blocks may be sparse, as {@link #predict(float[], int)}. By
   * default the rows are made dense ({@link FeatureMatrix#toDense}) in chunks of
   * {@value #DENSE_CHUNK_ROWS}, so memory stays bounded; models that read the codes directly
   * override it.
   */
  default double[] predict(FeatureMatrix x) {
    if (x.oneHot().isEmpty()) {
      return predict(x.dense(), x.rows());
    }
    double[] out = null;
    for (int from = 0; from < x.rows(); from += DENSE_CHUNK_ROWS) {
      int to = Math.min(x.rows(), from + DENSE_CHUNK_ROWS);
      double[] part = predict(x.rows(from, to).toDense(), to - from);
      int k = part.length / (to - from);
      out = out == null ? new double[x.rows() * k] : out;
      System.arraycopy(part, 0, out, from * k, part.length);
    }
    return out == null ? new double[0] : out;
  }

  /** Rows made dense at a time by {@link #predict(FeatureMatrix)}. */
  int DENSE_CHUNK_ROWS = 4096;

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
