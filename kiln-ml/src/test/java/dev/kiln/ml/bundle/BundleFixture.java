package dev.kiln.ml.bundle;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.StandardScaler;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small trained bundle for tests: x (double) and kind (a/b) predicting y. */
final class BundleFixture {
  private BundleFixture() {}

  static Frame data() {
    Random r = new Random(4);
    int n = 500;
    double[] x = new double[n];
    String[] kind = new String[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      kind[i] = r.nextBoolean() ? "a" : "b";
      y[i] = x[i] + (kind[i].equals("a") ? 1 : -1) + r.nextGaussian() > 0 ? 1 : 0;
    }
    return Frame.of(DoubleColumn.of("x", x), StringColumn.of("kind", kind),
        DoubleColumn.of("y", y));
  }

  static Path write(Frame data, Path bundle) {
    FittedPreprocessor prep = new Preprocessor(List.of(new StandardScaler(List.of("x")),
        new OneHotEncoder(List.of("kind"), "error"))).fit(data);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, Map.of("max_depth", 3), 20, 0)
        .fit(TrainingData.of(prep.transform(data), "y"), null);
    ModelBundle.write(BundleSpec.builder("demo", "1").model(model, prep)
        .trainedOn(data, "y").threshold(0.4).metrics(Map.of("roc_auc", 0.9))
        .lineage(Map.of("run_id", "r1")).build(), bundle);
    return bundle;
  }
}
