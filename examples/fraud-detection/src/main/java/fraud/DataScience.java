package fraud;

import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.metrics.BinaryReport;
import dev.kiln.ml.metrics.Thresholds;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.selection.CandidateResult;
import dev.kiln.ml.selection.SelectionResult;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data-science nodes: choose the model (a linear baseline against XGBoost, each lightly
 * tuned, on validation rows), evaluate the chosen one and every candidate on the test rows,
 * package the chosen one.
 */
public final class DataScience {
  private DataScience() {}

  /**
   * Holds out a stratified validation part of the scaled training rows, trains every
   * configuration of every candidate on the rest (XGBoost stops early on the validation part) and
   * compares them on the validation part.
   */
  public static Outputs select(Frame train, String preprocessorJson, String label,
      SplitOptions split, SelectionOptions options) {
    Frame scaled = FittedPreprocessor.fromJson(preprocessorJson).transform(train);
    FrameSplit parts = FrameSplit.of(scaled, label, split.validationSize(), split.seed() + 1);
    TrainingData fit = TrainingData.of(parts.train(), label);
    SelectionResult result = options.selection(fit).run(fit, TrainingData.of(parts.test(), label));
    System.out.print(result.toTable());
    return Outputs.of(Pipelines.SELECTION, result)
        .and(Pipelines.SELECTION_REPORT, result.toReport());
  }

  /**
   * Scores the test rows with the chosen model, picks the threshold, and reports precision,
   * recall, F1, ROC-AUC, PR-AUC and the confusion matrix; every candidate's validation score and
   * test PR-AUC and ROC-AUC; feature importances; and XGBoost's validation PR-AUC of every
   * boosting round (a curve in the tracked run).
   */
  public static Outputs evaluate(SelectionResult selection, Frame test, String preprocessorJson,
      String label, String thresholdRule) {
    Frame scaled = FittedPreprocessor.fromJson(preprocessorJson).transform(test);
    TrainingData data = TrainingData.of(scaled, label);
    int[] truth = data.classLabels();
    Model model = selection.model();
    double[] scores = model.predict(data.features(), data.rows());
    BinaryReport report = BinaryReport.of(truth, scores, threshold(thresholdRule, truth, scores));
    System.out.printf("Chosen: %s (%s)%n", selection.chosen().name(), selection.chosen().model());
    System.out.print(report.toTable());
    Map<String, Double> values = new LinkedHashMap<>(report.toMap());
    values.putAll(selection.toMetrics());
    for (CandidateResult c : selection.candidates()) {
      BinaryReport r = BinaryReport.of(truth, c.fitted().predict(data.features(), data.rows()),
          0.5);
      r.toMap().forEach((k, v) -> {
        if (k.equals("pr_auc") || k.equals("roc_auc")) {
          values.put(c.name() + ".test_" + k, v);
        }
      });
      System.out.printf(Locale.ROOT, "candidate %-10s validation %.4f  test pr_auc %s%n", c.name(),
          c.score(), values.containsKey(c.name() + ".test_pr_auc")
              ? String.format(Locale.ROOT, "%.4f", values.get(c.name() + ".test_pr_auc"))
              : "undefined");
    }
    Frame scored = test.select(List.of(label)).withColumn(DoubleColumn.of("score", scores));
    return Outputs.of(Pipelines.SCORES, scored)
        .and(Pipelines.METRICS, Metrics.of(values).withHistory("validation_aucpr",
            xgboostHistory(selection)))
        .and(Pipelines.IMPORTANCE, new FeatureImportance(model.featureImportance()));
  }

  /** Packages the chosen model, its preprocessing, input schema, threshold and metrics. */
  public static BundleSpec bundle(SelectionResult selection, Frame train, String preprocessorJson,
      String label, Metrics metrics) {
    FittedPreprocessor preprocessing = FittedPreprocessor.fromJson(preprocessorJson);
    return new BundleSpec("fraud-detection", "local", label, train, preprocessing,
        selection.model(), metrics.values().get("threshold"), metrics.values(),
        Map.of("pipeline", "__default__", "model", selection.chosen().name()));
  }

  private static List<Double> xgboostHistory(SelectionResult selection) {
    return selection.candidates().stream().filter(c -> c.fitted() instanceof XGBoostModel)
        .findFirst().map(c -> ((XGBoostModel) c.fitted()).validationHistory()).orElse(List.of());
  }

  private static double threshold(String rule, int[] truth, double[] scores) {
    if (rule.equals("max_f1")) {
      return Thresholds.maximiseF1(truth, scores);
    }
    if (rule.startsWith("recall:")) {
      return Thresholds.forRecall(truth, scores, Double.parseDouble(rule.substring(7)));
    }
    try {
      return Double.parseDouble(rule);
    } catch (NumberFormatException e) {
      throw new KilnException("evaluation.threshold '" + rule + "' is not understood.",
          "use max_f1, recall:0.9 or a number such as 0.5");
    }
  }
}
