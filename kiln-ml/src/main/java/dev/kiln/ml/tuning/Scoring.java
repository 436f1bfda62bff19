package dev.kiln.ml.tuning;

import dev.kiln.core.KilnException;
import dev.kiln.ml.metrics.RegressionMetrics;
import dev.kiln.ml.metrics.ScoreCurves;
import java.util.Locale;

/** How a search scores a fold's predictions; higher is better. */
public enum Scoring {
  /** Area under the ROC curve (binary). */
  ROC_AUC,
  /** Average precision (binary); the better choice for rare positives. */
  PR_AUC,
  /** Negative log loss (binary). */
  NEG_LOG_LOSS,
  /** Negative root mean squared error (regression). */
  NEG_RMSE,
  /** R² (regression). */
  R2;

  /** Scores predictions against labels. */
  public double score(float[] labels, double[] predictions) {
    int[] classes = new int[labels.length];
    double[] truth = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      classes[i] = Math.round(labels[i]);
      truth[i] = labels[i];
    }
    return switch (this) {
      case ROC_AUC -> ScoreCurves.of(classes, predictions).rocAuc();
      case PR_AUC -> ScoreCurves.of(classes, predictions).averagePrecision();
      case NEG_LOG_LOSS -> -ScoreCurves.logLoss(classes, predictions);
      case NEG_RMSE -> -RegressionMetrics.of(truth, predictions).rmse();
      case R2 -> RegressionMetrics.of(truth, predictions).r2();
    };
  }

  /**
   * Parses a name such as {@code pr_auc}.
   *
   * @throws KilnException listing the known names
   */
  public static Scoring parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new KilnException("Unknown scoring '" + name + "'.",
          "use one of roc_auc, pr_auc, neg_log_loss, neg_rmse, r2");
    }
  }
}
