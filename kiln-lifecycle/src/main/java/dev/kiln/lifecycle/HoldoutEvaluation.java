package dev.kiln.lifecycle;

import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.metrics.BinaryMetrics;
import dev.kiln.ml.metrics.RegressionMetrics;
import dev.kiln.ml.metrics.ScoreCurves;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a bundle on holdout rows that carry the label column, with the metric names Kiln uses
 * everywhere: {@code rmse, mae, r2, mape} for regression; {@code roc_auc, log_loss, accuracy,
 * precision, recall, f1} for binary classification; {@code accuracy} for multiclass.
 */
public final class HoldoutEvaluation {
  private HoldoutEvaluation() {}

  /**
   * Evaluates a bundle.
   *
   * @throws LifecycleException if the holdout has no column named like the bundle's label
   */
  public static Map<String, Double> evaluate(LoadedBundle bundle, Frame holdout) {
    String label = bundle.manifest().label();
    if (label == null || !holdout.hasColumn(label)) {
      throw new LifecycleException("The holdout has no label column '" + label + "' for model '"
          + bundle.manifest().name() + "'.", "point retrain.holdout at the test split, which"
          + " keeps the label");
    }
    double[] truth = holdout.column(label).toDoubleArray();
    Frame predictions = bundle.predict(holdout);
    Map<String, Double> out = new LinkedHashMap<>();
    Task task = bundle.manifest().task();
    if (task == Task.REGRESSION) {
      RegressionMetrics m = RegressionMetrics.of(truth,
          predictions.column("prediction").toDoubleArray());
      out.put("rmse", m.rmse());
      out.put("mae", m.mae());
      out.put("r2", m.r2());
      out.put("mape", m.mape());
      return out;
    }
    int[] labels = new int[truth.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) truth[i];
    }
    double[] predicted = predictions.column("prediction").toDoubleArray();
    if (task == Task.BINARY_CLASSIFICATION) {
      double[] p = predictions.column("probability").toDoubleArray();
      int[] hard = new int[p.length];
      for (int i = 0; i < hard.length; i++) {
        hard[i] = (int) predicted[i];
      }
      BinaryMetrics m = BinaryMetrics.of(labels, hard);
      out.put("roc_auc", ScoreCurves.of(labels, p).rocAuc());
      out.put("log_loss", ScoreCurves.logLoss(labels, p));
      out.put("accuracy", m.accuracy());
      out.put("precision", m.precision());
      out.put("recall", m.recall());
      out.put("f1", m.f1());
      return out;
    }
    long right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += labels[i] == (int) predicted[i] ? 1 : 0;
    }
    out.put("accuracy", (double) right / labels.length);
    return out;
  }

  /** Returns whether smaller values of a metric are better (errors and losses). */
  public static boolean lowerIsBetter(String metric) {
    return switch (metric) {
      case "rmse", "mse", "mae", "mape", "log_loss" -> true;
      default -> false;
    };
  }
}
