package dev.kiln.deploy;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small trained bundle for packaging tests: x predicting y, model "Churn Score" version 7. */
final class TestBundles {
  private TestBundles() {}

  static Path write(Path dir) {
    Random r = new Random(3);
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
      y[i] = x[i] + r.nextGaussian() > 0 ? 1 : 0;
    }
    Frame data = Frame.of(DoubleColumn.of("x", x), DoubleColumn.of("y", y));
    FittedPreprocessor prep = new Preprocessor(List.of()).fit(data);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, Map.of("max_depth", 2,
        "nthread", 1), 10, 0).fit(TrainingData.of(prep.transform(data), "y"), null);
    ModelBundle.write(BundleSpec.builder("Churn Score", "7").model(model, prep)
        .trainedOn(data, "y").threshold(0.5).metrics(Map.of("roc_auc", 0.8))
        .lineage(Map.of("run_id", "r7")).build(), dir);
    return dir;
  }
}
