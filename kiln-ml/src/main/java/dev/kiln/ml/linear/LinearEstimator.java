package dev.kiln.ml.linear;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;

/**
 * The linear baseline: L2-regularised logistic regression (binary, fitted by Newton's method,
 * i.e. iteratively reweighted least squares) or ridge linear regression (normal equations). The
 * intercept is not penalised. Features must have no missing values (impute first).
 *
 * @param task binary classification or regression
 * @param l2 the L2 penalty (0 = none); scikit-learn's C is 1 / l2
 * @param maxIterations Newton iterations at most (logistic only)
 */
public record LinearEstimator(Task task, double l2, int maxIterations) implements Estimator {
  /**
   * Validates the settings.
   *
   * @throws KilnException for multiclass tasks or a negative penalty
   */
  public LinearEstimator {
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      throw new KilnException("The linear baseline supports binary classification and"
          + " regression only.", "use XGBoostEstimator for multiclass tasks");
    }
    if (l2 < 0) {
      throw new KilnException("l2 must not be negative, was " + l2 + ".", "use e.g. 1.0");
    }
  }

  @Override
  public Model fit(TrainingData train, TrainingData validation) {
    if (!train.oneHot().isEmpty()) {
      throw new KilnException("The linear baseline cannot train on sparse one-hot columns, whose"
          + " other categories are missing, not 0.", "declare the one_hot step with sparse: false");
    }
    int p = train.featureNames().size() + 1;
    for (float v : train.features()) {
      if (Float.isNaN(v)) {
        throw new KilnException("The linear baseline cannot train on missing values.",
            "add an imputer step to the preprocessing");
      }
    }
    double[] w = new double[p];
    if (task == Task.REGRESSION) {
      w = newtonStep(train, w, false);
    } else {
      for (int it = 0; it < maxIterations; it++) {
        double[] next = newtonStep(train, w, true);
        double change = 0;
        for (int j = 0; j < p; j++) {
          change = Math.max(change, Math.abs(next[j] - w[j]));
        }
        w = next;
        if (change < 1e-10) {
          break;
        }
      }
    }
    double[] coefficients = java.util.Arrays.copyOfRange(w, 1, p);
    return new LinearModel(task, train.featureNames(), w[0], coefficients, means(train));
  }

  /** The mean of each feature over the training rows (the SHAP background). */
  private static double[] means(TrainingData d) {
    int f = d.featureNames().size();
    double[] means = new double[f];
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < f; j++) {
        means[j] += d.features()[i * f + j];
      }
    }
    for (int j = 0; j < f; j++) {
      means[j] /= Math.max(1, d.rows());
    }
    return means;
  }

  /** Solves one weighted least-squares system: the whole fit for regression, a Newton step else. */
  private double[] newtonStep(TrainingData d, double[] w, boolean logistic) {
    int p = w.length;
    int f = p - 1;
    double[][] h = new double[p][p];
    double[] g = new double[p];
    double[] x = new double[p];
    x[0] = 1;
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < f; j++) {
        x[j + 1] = d.features()[i * f + j];
      }
      double weight = d.weights() == null ? 1 : d.weights()[i];
      double z = 0;
      for (int j = 0; j < p; j++) {
        z += w[j] * x[j];
      }
      double mu = logistic ? 1 / (1 + Math.exp(-z)) : 0;
      double s = logistic ? Math.max(mu * (1 - mu), 1e-10) * weight : weight;
      double target = logistic ? z + (d.labels()[i] - mu) / Math.max(mu * (1 - mu), 1e-10)
          : d.labels()[i];
      for (int j = 0; j < p; j++) {
        g[j] += s * x[j] * target;
        for (int k = 0; k <= j; k++) {
          h[j][k] += s * x[j] * x[k];
        }
      }
    }
    for (int j = 1; j < p; j++) {
      h[j][j] += l2;
    }
    return Cholesky.solve(h, g);
  }
}
