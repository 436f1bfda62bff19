package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.metrics.BinaryReport;
import dev.kiln.ml.metrics.MulticlassMetrics;
import dev.kiln.ml.metrics.RegressionMetrics;
import dev.kiln.ml.metrics.ScoreCurves;
import dev.kiln.ml.metrics.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code type: evaluate}: scores held-out rows and reports the metrics of the task (binary:
 * ROC-AUC, PR-AUC, log loss and the confusion counts at a chosen threshold; multiclass:
 * accuracy, macro F1, log loss; regression: RMSE, MAE, R², MAPE), the scores, and for binary
 * classifiers the ROC and precision-recall curves.
 */
public final class EvaluateNode implements NodeType {
  /**
   * The parameters.
   *
   * @param threshold binary classifiers: a number, {@code max_f1} (the default) or
   *     {@code recall:0.9} (the highest threshold reaching that recall)
   */
  public record Params(String threshold) {
    /** Validates. */
    public Params {
      threshold = threshold == null ? "max_f1" : threshold;
      if (!threshold.equals("max_f1") && !threshold.matches("recall:0?\\.\\d+")
          && !threshold.matches("0?\\.\\d+|[01](\\.0*)?")) {
        throw new KilnException("parameter 'threshold' must be max_f1, recall:R or a number"
            + " between 0 and 1, got '" + threshold + "'.", "e.g. threshold: recall:0.9");
      }
    }
  }

  /**
   * The ROC and precision-recall curves of a binary classifier.
   *
   * @param roc points (false positive rate, true positive rate)
   * @param precisionRecall points (recall, precision)
   */
  public record Curves(double[][] roc, double[][] precisionRecall) {}

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "Scores held-out rows: metrics by task, threshold choice, curves.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("model", TrainedModel.class, "the trained model"),
        Port.required("data", Frame.class, "held-out rows with the target"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("metrics", Metrics.class, "the metrics (with the threshold)"),
        Port.optional("scores", Frame.class, "the target and the model's scores per row"),
        Port.optional("curves", Curves.class, "ROC and precision-recall curves (binary)"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    TrainedModel model = call.input("model", TrainedModel.class);
    Frame data = call.input("data", Frame.class);
    Targets.requireColumn(data, model.label());
    double[] scores = model.predict(data);
    Column truth = data.column(model.label());
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<Column> scoreColumns = new ArrayList<>(List.of(truth));
    if (model.task() == Task.REGRESSION) {
      RegressionMetrics m = RegressionMetrics.of(truth.toDoubleArray(), scores);
      metrics.putAll(Map.of("rmse", m.rmse(), "mae", m.mae(), "r2", m.r2(), "mape", m.mape()));
      scoreColumns.add(DoubleColumn.of("prediction", scores));
    } else if (model.task() == Task.BINARY_CLASSIFICATION) {
      int[] y = classes(truth);
      BinaryReport report = BinaryReport.of(y, scores, threshold(
          call.parameters(Params.class).threshold(), y, scores));
      metrics.putAll(report.toMap());
      ScoreCurves curves = ScoreCurves.of(y, scores);
      out.put("curves", new Curves(curves.rocCurve(), curves.precisionRecallCurve()));
      scoreColumns.add(DoubleColumn.of("probability", scores));
    } else {
      metrics.putAll(multiclass(classes(truth), scores, scoreColumns));
    }
    metrics.put("rows", (double) data.rowCount());
    metrics.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-10s %.4f%n", k, v));
    out.put("metrics", Metrics.of(metrics));
    out.put("scores", Frame.of(scoreColumns));
    return out;
  }

  private static Map<String, Double> multiclass(int[] y, double[] probabilities,
      List<Column> scoreColumns) {
    int k = probabilities.length / y.length;
    int[] predicted = new int[y.length];
    double logLoss = 0;
    for (int i = 0; i < y.length; i++) {
      for (int c = 1; c < k; c++) {
        if (probabilities[i * k + c] > probabilities[i * k + predicted[i]]) {
          predicted[i] = c;
        }
      }
      logLoss -= Math.log(Math.max(1e-15, probabilities[i * k + y[i]]));
    }
    for (int c = 0; c < k; c++) {
      double[] p = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        p[i] = probabilities[i * k + c];
      }
      scoreColumns.add(DoubleColumn.of("probability_" + c, p));
    }
    MulticlassMetrics m = MulticlassMetrics.of(y, predicted);
    double[] macro = m.macro();
    return Map.of("accuracy", m.accuracy(), "macro_precision", macro[0], "macro_recall",
        macro[1], "macro_f1", macro[2], "log_loss", logLoss / y.length);
  }

  private static int[] classes(Column truth) {
    int[] y = new int[truth.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = (int) Math.round(truth.getDouble(i));
    }
    return y;
  }

  static double threshold(String rule, int[] truth, double[] scores) {
    if (rule.equals("max_f1")) {
      return Thresholds.maximiseF1(truth, scores);
    }
    if (rule.startsWith("recall:")) {
      return Thresholds.forRecall(truth, scores, Double.parseDouble(rule.substring(7)));
    }
    return Double.parseDouble(rule);
  }
}
