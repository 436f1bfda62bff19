package dev.kiln.ml.metrics;

/**
 * Regression metrics with scikit-learn's definitions: MSE, RMSE, MAE, R² (with force_finite:
 * constant truth gives 1.0 for a perfect fit, else 0.0; fewer than two samples give NaN) and MAPE
 * (a fraction, |y| floored at machine epsilon). A truth is constant when all its values are equal,
 * whatever the rounding of its mean: scikit-learn decides from the sum of squares around numpy's
 * mean, which for e.g. seven times 0.1 is 1e-33 rather than 0 and gives R² = -7e30.
 *
 * @param mse mean squared error
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param r2 coefficient of determination
 * @param mape mean absolute percentage error, as a fraction
 */
public record RegressionMetrics(double mse, double rmse, double mae, double r2, double mape) {

  /** Computes the metrics of predictions against the truth. */
  public static RegressionMetrics of(double[] truth, double[] predicted) {
    MetricChecks.sameLength(truth.length, predicted.length);
    int n = truth.length;
    double mean = 0;
    boolean constant = true;
    for (double y : truth) {
      mean += y;
      constant &= y == truth[0];
    }
    mean /= n;
    double sse = 0;
    double sae = 0;
    double sst = 0;
    double sape = 0;
    double eps = Math.ulp(1.0);
    for (int i = 0; i < n; i++) {
      double e = predicted[i] - truth[i];
      sse += e * e;
      sae += Math.abs(e);
      sst += (truth[i] - mean) * (truth[i] - mean);
      sape += Math.abs(e) / Math.max(Math.abs(truth[i]), eps);
    }
    double mse = sse / n;
    return new RegressionMetrics(mse, Math.sqrt(mse), sae / n, r2(n, sse, constant ? 0 : sst),
        sape / n);
  }

  private static double r2(int n, double sse, double sst) {
    if (n < 2) {
      return Double.NaN;
    }
    if (sst == 0) {
      return sse == 0 ? 1.0 : 0.0;
    }
    return 1 - sse / sst;
  }
}
