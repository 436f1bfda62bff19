package dev.kiln.serving;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.StandardScaler;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small trained bundles for the server tests: {@code amount} (double, may be null) and
 * {@code kind} (a/b/c) predicting a label; {@code shift} changes the data so two versions
 * predict differently.
 */
final class TestBundles {
  private TestBundles() {}

  static Frame data(double shift) {
    Random r = new Random(7);
    int n = 400;
    double[] amount = new double[n];
    java.util.BitSet nulls = new java.util.BitSet();
    String[] kind = new String[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      amount[i] = r.nextGaussian() * 10 + 50;
      kind[i] = new String[] {"a", "b", "c"}[r.nextInt(3)];
      double z = (amount[i] - 50) / 10 + shift + (kind[i].equals("a") ? 1 : -0.5)
          + r.nextGaussian();
      y[i] = z > 0 ? 1 : 0;
      if (i % 50 == 0) {
        nulls.set(i);
        amount[i] = Double.NaN;
      }
    }
    return Frame.of(new DoubleColumn("amount", amount, nulls), StringColumn.of("kind", kind),
        DoubleColumn.of("label", y));
  }

  /** Writes a binary classifier bundle named {@code name}, version {@code version}. */
  static Path write(Path dir, String name, String version, double shift) {
    Frame data = data(shift);
    FittedPreprocessor prep = new Preprocessor(List.of(new StandardScaler(List.of("amount")),
        new OneHotEncoder(List.of("kind"), "error"))).fit(data);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        Map.of("max_depth", 3, "eta", 0.3), 15, 0).fit(TrainingData.of(prep.transform(data),
        "label"), null);
    ModelBundle.write(new BundleSpec(name, version, "label", data, prep, model, 0.5,
        Map.of("roc_auc", 0.9), Map.of("run_id", "test")), dir);
    return dir;
  }
}
