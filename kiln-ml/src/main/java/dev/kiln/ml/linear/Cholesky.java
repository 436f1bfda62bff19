package dev.kiln.ml.linear;

import dev.kiln.core.KilnException;

/**
 * Solves symmetric positive-definite systems (lower triangle given) by Cholesky factorisation.
 * A pivot counts as zero when it is at most {@link #RELATIVE_PIVOT} times its own diagonal entry,
 * i.e. when the column is a linear combination of the earlier ones up to that share of its norm;
 * the test is relative per column, so rescaling a feature (by 1e-7 or 1e7) never changes it.
 */
final class Cholesky {
  /** The smallest pivot, relative to its diagonal entry, that is not treated as zero. */
  static final double RELATIVE_PIVOT = 1e-10;

  private Cholesky() {}

  static double[] solve(double[][] lower, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = lower[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > RELATIVE_PIVOT * lower[i][i])) {
            throw new KilnException("The linear model's system is singular (a constant or"
                + " duplicated feature?).", "add an L2 penalty (l2 > 0) or drop the feature");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }
}
