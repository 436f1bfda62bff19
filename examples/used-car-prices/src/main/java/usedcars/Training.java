package usedcars;

import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.metrics.RegressionMetrics;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The data-science nodes: train the price model, evaluate it on the holdout, package it. */
public final class Training {
  /** The listing id: kept with the rows for tracing, never a feature. */
  static final String ID = "listing_id";

  private Training() {}

  /**
   * Trains an XGBoost regressor (squared error) on the preprocessed training rows, holding out a
   * part for early stopping. Returns XGBoost JSON.
   */
  public static byte[] train(Frame train, String preprocessorJson, String label,
      SplitOptions split, ModelOptions options) {
    Frame features = FittedPreprocessor.fromJson(preprocessorJson)
        .transform(train.drop(List.of(ID)));
    FrameSplit parts = FrameSplit.of(features, null, split.validationSize(), split.seed() + 1);
    XGBoostEstimator estimator = new XGBoostEstimator(Task.REGRESSION, options.params(),
        options.rounds(), options.earlyStoppingRounds());
    return estimator.fit(TrainingData.of(parts.train(), label),
        TrainingData.of(parts.test(), label)).toBytes();
  }

  /** Predicts the holdout and reports RMSE, MAE, R² and MAPE (a fraction). */
  public static Outputs evaluate(byte[] modelJson, Frame test, String preprocessorJson,
      String label) {
    TrainingData data = TrainingData.of(
        FittedPreprocessor.fromJson(preprocessorJson).transform(test.drop(List.of(ID))), label);
    XGBoostModel model = XGBoostModel.load(modelJson, Task.REGRESSION, data.featureNames());
    double[] predicted = model.predict(data.features(), data.rows());
    RegressionMetrics m = RegressionMetrics.of(test.column(label).toDoubleArray(), predicted);
    System.out.printf(Locale.ROOT, "Holdout (%,d listings): RMSE %.0f  MAE %.0f  R² %.4f  MAPE"
        + " %.2f%%%n", data.rows(), m.rmse(), m.mae(), m.r2(), 100 * m.mape());
    Frame scored = test.select(List.of(ID, label))
        .withColumn(DoubleColumn.of("prediction", predicted));
    return Outputs.of(Pipelines.PREDICTIONS, scored).and(Pipelines.METRICS, Metrics.of(Map.of(
        "rmse", m.rmse(), "mae", m.mae(), "r2", m.r2(), "mape", m.mape(),
        "rows", (double) data.rows())));
  }

  /** Packages the model with its preprocessing, input schema, training profile and metrics. */
  public static BundleSpec bundle(byte[] modelJson, Frame train, String preprocessorJson,
      String label, Metrics metrics) {
    FittedPreprocessor preprocessing = FittedPreprocessor.fromJson(preprocessorJson);
    Frame inputs = train.drop(List.of(ID));
    List<String> features = TrainingData.of(preprocessing.transform(inputs.head(1)), label)
        .featureNames();
    XGBoostModel model = XGBoostModel.load(modelJson, Task.REGRESSION, features);
    return new BundleSpec("used-car-prices", "local", label, inputs, preprocessing, model, null,
        metrics.values(), Map.of("pipeline", "data_science"));
  }
}
