package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.metrics.BinaryMetrics;
import dev.kiln.ml.metrics.RegressionMetrics;
import dev.kiln.ml.metrics.ScoreCurves;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model decay from ground truth: joins labels with logged predictions by {@code request_id} and
 * {@code row}, computes the model's metric per time window of the log timestamps (RMSE and MAE
 * for regression, accuracy and ROC-AUC for binary classifiers, accuracy for multiclass) and
 * compares each with the bundle's own evaluation metric of the same name.
 *
 * @param window the width of a time window
 * @param maxDecay the largest relative worsening tolerated, e.g. 0.1 for 10%
 */
public record DecayCheck(Duration window, double maxDecay) {

  /**
   * One metric of one time window.
   *
   * @param start the window's start
   * @param rows the labelled rows in it
   * @param metric {@code rmse}, {@code mae}, {@code accuracy} or {@code roc_auc}
   * @param value the metric on the window
   * @param baseline the bundle's evaluation metric of that name, or null if it has none
   * @param decayed whether the value is worse than the baseline by more than the tolerance
   */
  public record Window(Instant start, int rows, String metric, double value, Double baseline,
      boolean decayed) {}

  /** Checks the window and tolerance. */
  public DecayCheck {
    if (window.isZero() || window.isNegative() || !(maxDecay >= 0)) {
      throw new KilnException("The decay window must be positive and the tolerance at least 0.",
          "e.g. --window 1h --max-decay 0.1");
    }
  }

  /**
   * Evaluates the labelled rows of a prediction log, window by window.
   *
   * @param logs rows from {@link PredictionLogReader}
   * @param labels {@code request_id}, the truth in {@code label} or in the model's own label
   *     column (e.g. {@code price}), and optionally {@code row} (default 0)
   * @throws KilnException if the labels lack a column or match no logged prediction
   */
  public List<Window> evaluate(BundleManifest manifest, Frame logs, Frame labels) {
    String labelColumn = labels.hasColumn("label") ? "label" : manifest.label();
    for (String needed : List.of("request_id", labelColumn)) {
      if (!labels.hasColumn(needed)) {
        throw new KilnException("The labels have no column '" + needed + "'.",
            "give a CSV or Parquet file with request_id, label (or " + manifest.label()
                + ") and optionally row");
      }
    }
    Map<String, Double> truth = labelsByKey(labels, labelColumn);
    Map<Long, List<Integer>> windows = new TreeMap<>();
    Column time = logs.column("timestamp");
    long width = window.toNanos() / 1000;
    for (int i = 0; i < logs.rowCount(); i++) {
      if (truth.containsKey(key(logs.column("request_id").get(i), logs.column("row")
          .getDouble(i)))) {
        long t = (long) time.getDouble(i);
        windows.computeIfAbsent(Math.floorDiv(t, width) * width, k -> new ArrayList<>()).add(i);
      }
    }
    if (windows.isEmpty()) {
      throw new KilnException("No label matches a logged prediction of model '"
          + manifest.name() + "' by request_id and row.", "labels are joined with the"
          + " prediction log by the X-Request-Id of each request; check the window (--since)");
    }
    List<Window> out = new ArrayList<>();
    windows.forEach((start, rows) -> metrics(manifest, logs, truth, rows).forEach((m, v) -> {
      Double base = manifest.metrics() == null ? null : manifest.metrics().get(m);
      out.add(new Window(Instant.EPOCH.plusNanos(start * 1000), rows.size(), m, v, base,
          base != null && decayed(m, v, base)));
    }));
    return out;
  }

  private boolean decayed(String metric, double value, double baseline) {
    boolean lowerIsBetter = metric.equals("rmse") || metric.equals("mae");
    return lowerIsBetter ? value > baseline * (1 + maxDecay) : value < baseline * (1 - maxDecay);
  }

  private static Map<String, Double> metrics(BundleManifest manifest, Frame logs,
      Map<String, Double> truth, List<Integer> rows) {
    int n = rows.size();
    double[] y = new double[n];
    double[] predicted = new double[n];
    for (int k = 0; k < n; k++) {
      int i = rows.get(k);
      y[k] = truth.get(key(logs.column("request_id").get(i), logs.column("row").getDouble(i)));
      predicted[k] = logs.column("prediction").getDouble(i);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    if (manifest.task() == Task.REGRESSION) {
      RegressionMetrics r = RegressionMetrics.of(y, predicted);
      m.put("rmse", r.rmse());
      m.put("mae", r.mae());
      return m;
    }
    int[] labels = new int[n];
    int[] classes = new int[n];
    for (int k = 0; k < n; k++) {
      labels[k] = (int) y[k];
      classes[k] = (int) predicted[k];
    }
    if (manifest.task() != Task.BINARY_CLASSIFICATION) {
      long right = java.util.stream.IntStream.range(0, n)
          .filter(k -> labels[k] == classes[k]).count();
      m.put("accuracy", (double) right / n);
      return m;
    }
    m.put("accuracy", BinaryMetrics.of(labels, classes).accuracy());
    ScoreCurves curves = ScoreCurves.of(labels, rows.stream()
        .mapToDouble(i -> logs.column("probability").getDouble(i)).toArray());
    if (curves.positives() > 0 && curves.positives() < n) {
      m.put("roc_auc", curves.rocAuc());
    }
    return m;
  }

  private static Map<String, Double> labelsByKey(Frame labels, String labelColumn) {
    Map<String, Double> out = new HashMap<>();
    Column id = labels.column("request_id");
    Column label = labels.column(labelColumn);
    Column row = labels.hasColumn("row") ? labels.column("row") : null;
    for (int i = 0; i < labels.rowCount(); i++) {
      if (!id.isNull(i) && !label.isNull(i)) {
        out.put(key(id.get(i), row == null ? 0 : row.getDouble(i)), label.getDouble(i));
      }
    }
    return out;
  }

  private static String key(Object requestId, double row) {
    return requestId + "\0" + (long) row;
  }
}
