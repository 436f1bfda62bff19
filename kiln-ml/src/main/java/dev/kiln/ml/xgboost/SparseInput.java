package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.OneHotBlock;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Hands rows with one-hot blocks to XGBoost as a CSR matrix, with no dense copy: each row holds
 * its non-missing dense values (a 0 stays an explicit 0) and one entry of 1 per block, at the
 * feature of its code. Entries a row does not hold are missing to XGBoost, so a block's other
 * categories are missing, as with scikit-learn's sparse one-hot output.
 */
final class SparseInput {
  private SparseInput() {}

  static DMatrix csr(FeatureMatrix x) throws XGBoostError {
    int rows = x.rows();
    int width = x.denseWidth();
    float[] dense = x.dense();
    long count = 0;
    for (float v : dense) {
      count += Float.isNaN(v) ? 0 : 1;
    }
    for (OneHotBlock b : x.oneHot()) {
      for (int code : b.codes()) {
        count += code >= 0 ? 1 : 0;
      }
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new KilnException("The training matrix has " + count + " entries, more than one"
          + " Java array holds.", "train on fewer rows, or sample them");
    }
    long[] headers = new long[rows + 1];
    int[] indices = new int[(int) count];
    float[] values = new float[(int) count];
    int p = 0;
    for (int r = 0; r < rows; r++) {
      int d = r * width;
      int f = 0;
      for (OneHotBlock b : x.oneHot()) {
        for (; f < b.start(); f++, d++) {
          if (!Float.isNaN(dense[d])) {
            indices[p] = f;
            values[p++] = dense[d];
          }
        }
        int code = b.codes()[r];
        if (code >= 0) {
          indices[p] = b.start() + code;
          values[p++] = 1f;
        }
        f = b.start() + b.width();
      }
      for (; f < x.featureNames().size(); f++, d++) {
        if (!Float.isNaN(dense[d])) {
          indices[p] = f;
          values[p++] = dense[d];
        }
      }
      headers[r + 1] = p;
    }
    return new DMatrix(headers, indices, values, DMatrix.SparseType.CSR,
        x.featureNames().size(), Float.NaN, 1);
  }
}
