package dev.kiln.ml.tuning;

import java.util.Arrays;
import java.util.Map;

/**
 * One configuration's cross-validation result.
 *
 * @param params the parameters tried
 * @param foldScores the score of each fold
 */
public record Trial(Map<String, Object> params, double[] foldScores) {
  /** Returns the mean fold score. */
  public double mean() {
    return Arrays.stream(foldScores).average().orElse(Double.NaN);
  }

  /** Returns the population standard deviation of the fold scores (as scikit-learn's cv_results_). */
  public double std() {
    double m = mean();
    return Math.sqrt(Arrays.stream(foldScores).map(s -> (s - m) * (s - m)).average().orElse(0));
  }
}
