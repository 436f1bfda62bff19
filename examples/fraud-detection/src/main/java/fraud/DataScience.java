package fraud;

import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.metrics.BinaryReport;
import dev.kiln.ml.metrics.Thresholds;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The data-science nodes: train the model, evaluate it on the test rows. */
public final class DataScience {
  private DataScience() {}

  /**
   * Trains XGBoost on the scaled training rows, holding out a stratified validation part for
   * early stopping, with scale_pos_weight for the class imbalance. Returns XGBoost JSON.
   */
  public static byte[] train(Frame train, String preprocessorJson, String label,
      SplitOptions split, ModelOptions options) {
    Frame scaled = FittedPreprocessor.fromJson(preprocessorJson).transform(train);
    FrameSplit parts = FrameSplit.of(scaled, label, split.validationSize(), split.seed() + 1);
    TrainingData fit = TrainingData.of(parts.train(), label);
    Map<String, Object> params = new HashMap<>(options.params());
    params.put("scale_pos_weight", scalePosWeight(options.scalePosWeight(), fit));
    XGBoostEstimator estimator = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, params,
        options.rounds(), options.earlyStoppingRounds());
    return estimator.fit(fit, TrainingData.of(parts.test(), label)).toBytes();
  }

  /**
   * Scores the test rows, picks the threshold, and reports precision, recall, F1, ROC-AUC, PR-AUC
   * and the confusion matrix, plus feature importances and the validation PR-AUC of every
   * boosting round (a curve in the tracked run).
   */
  public static Outputs evaluate(byte[] modelJson, Frame test, String preprocessorJson,
      String label, String thresholdRule) {
    Frame scaled = FittedPreprocessor.fromJson(preprocessorJson).transform(test);
    TrainingData data = TrainingData.of(scaled, label);
    XGBoostModel model = XGBoostModel.load(modelJson, Task.BINARY_CLASSIFICATION,
        data.featureNames());
    double[] scores = model.predict(data.features(), data.rows());
    int[] truth = data.classLabels();
    BinaryReport report = BinaryReport.of(truth, scores, threshold(thresholdRule, truth, scores));
    System.out.print(report.toTable());
    Frame scored = test.select(List.of(label)).withColumn(DoubleColumn.of("score", scores));
    return Outputs.of(Pipelines.SCORES, scored)
        .and(Pipelines.METRICS, Metrics.of(report.toMap())
            .withHistory("validation_aucpr", model.validationHistory()))
        .and(Pipelines.IMPORTANCE, new FeatureImportance(model.featureImportance()));
  }

  /** Packages the model, its preprocessing, input schema, threshold and metrics as a bundle. */
  public static BundleSpec bundle(byte[] modelJson, Frame train, String preprocessorJson,
      String label, Metrics metrics) {
    FittedPreprocessor preprocessing = FittedPreprocessor.fromJson(preprocessorJson);
    List<String> features = TrainingData.of(preprocessing.transform(train.head(1)), label)
        .featureNames();
    XGBoostModel model = XGBoostModel.load(modelJson, Task.BINARY_CLASSIFICATION, features);
    return new BundleSpec("fraud-detection", "local", label, train, preprocessing, model,
        metrics.values().get("threshold"), metrics.values(), Map.of("pipeline", "__default__"));
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

  private static double scalePosWeight(String setting, TrainingData fit) {
    if (!"auto".equals(setting)) {
      return Double.parseDouble(setting);
    }
    double positives = 0;
    for (float y : fit.labels()) {
      positives += y;
    }
    return positives == 0 ? 1 : (fit.rows() - positives) / positives;
  }
}
