package dev.kiln.ml.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluation of a binary classifier at a chosen threshold: threshold-free scores (ROC-AUC,
 * PR-AUC as average precision, log loss) and thresholded ones (precision, recall, F1, accuracy,
 * confusion matrix). On labels of one class ROC-AUC (and, without positives, PR-AUC) is
 * undefined: NaN here, "undefined" in the table and absent from {@link #toMap()}.
 *
 * @param threshold the score threshold for class 1
 * @param rocAuc area under the ROC curve, NaN if undefined
 * @param prAuc average precision, NaN if undefined
 * @param logLoss log loss of the scores as probabilities
 * @param atThreshold confusion counts at the threshold
 */
public record BinaryReport(double threshold, double rocAuc, double prAuc, double logLoss,
    BinaryMetrics atThreshold) {

  /** Evaluates scores (probabilities of class 1) at a threshold. */
  public static BinaryReport of(int[] truth, double[] scores, double threshold) {
    ScoreCurves curves = ScoreCurves.of(truth, scores);
    double rocAuc = curves.positives() == 0 || curves.negatives() == 0 ? Double.NaN
        : curves.rocAuc();
    return new BinaryReport(threshold, rocAuc, curves.averagePrecision(),
        ScoreCurves.logLoss(truth, scores), BinaryMetrics.atThreshold(truth, scores, threshold));
  }

  /** Returns every defined figure as a flat map, e.g. for run metrics. */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("threshold", threshold);
    if (!Double.isNaN(rocAuc)) {
      m.put("roc_auc", rocAuc);
    }
    if (!Double.isNaN(prAuc)) {
      m.put("pr_auc", prAuc);
    }
    m.put("log_loss", logLoss);
    m.put("precision", atThreshold.precision());
    m.put("recall", atThreshold.recall());
    m.put("f1", atThreshold.f1());
    m.put("accuracy", atThreshold.accuracy());
    m.put("tn", (double) atThreshold.tn());
    m.put("fp", (double) atThreshold.fp());
    m.put("fn", (double) atThreshold.fn());
    m.put("tp", (double) atThreshold.tp());
    return m;
  }

  /** Returns a printable table of the figures and the confusion matrix. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    Map<String, Double> figures = new LinkedHashMap<>(Map.of("threshold", threshold));
    figures.put("roc_auc", rocAuc);
    figures.put("pr_auc", prAuc);
    figures.putAll(toMap());
    figures.forEach((k, v) -> {
      if (!k.matches("tn|fp|fn|tp")) {
        out.append(Double.isNaN(v) ? String.format("%-10s undefined%n", k)
            : String.format(java.util.Locale.ROOT, "%-10s %.4f%n", k, v));
      }
    });
    out.append(String.format("confusion matrix (rows: truth 0/1, columns: predicted 0/1)%n"));
    out.append(String.format("%12d %8d%n%12d %8d%n", atThreshold.tn(), atThreshold.fp(),
        atThreshold.fn(), atThreshold.tp()));
    return out.toString();
  }
}
