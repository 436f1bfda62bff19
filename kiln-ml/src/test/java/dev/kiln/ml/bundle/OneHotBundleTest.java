package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose text column is one-hot encoded over hundreds of categories: batch prediction
 * (sparse, codes read by the trees), a server's dense rows (1 and NaN) and the training-time
 * model all give the same probabilities, with unseen and missing categories.
 */
class OneHotBundleTest {
  @TempDir
  Path dir;

  private static Frame rows(int n, long seed, boolean unseen) {
    Random r = new Random(seed);
    String[] shop = new String[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(300);
      shop[i] = r.nextDouble() < 0.03 ? null : unseen && r.nextDouble() < 0.05 ? "new" : "s" + k;
      x[i] = r.nextGaussian();
      y[i] = (k % 5) * 0.6 - 1.2 + x[i] + r.nextGaussian() > 0 ? 1 : 0;
    }
    return Frame.of(StringColumn.of("shop", shop), DoubleColumn.of("x", x),
        DoubleColumn.of("y", y));
  }

  @Test
  void wideOneHotBundle_batchServerAndTrainingPredictionsAgree() {
    Frame train = rows(4000, 1, false);
    FittedPreprocessor prep = new Preprocessor(List.of(new OneHotEncoder(List.of("shop"),
        "infrequent_if_exist", null, 5.0))).fit(train.drop(List.of("y")));
    TrainingData data = TrainingData.of(prep.encode(train.drop(List.of("y")))
        .withColumn(train.column("y")), "y");
    assertThat(data.oneHot()).hasSize(1);
    assertThat(data.oneHot().get(0).width()).isGreaterThan(250);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, Map.of("max_depth", 4), 15, 0)
        .fit(data, null);
    ModelBundle.write(BundleSpec.builder("shops", "1").model(model, prep)
        .trainedOn(train, "y").build(), dir.resolve("b"));
    LoadedBundle loaded = ModelBundle.load(dir.resolve("b"));

    Frame test = rows(300, 2, true).drop(List.of("y"));
    double[] batch = loaded.predict(test).column("probability").toDoubleArray();
    FeatureMatrix sparse = loaded.matrix(test);
    assertThat(sparse.oneHot()).hasSize(1);
    assertThat(sparse.dense()).hasSize(300);
    assertThat(loaded.model().predict(loaded.features(test), 300)).isEqualTo(batch);
    assertThat(model.predict(FeatureMatrix.of(prep.encode(test), model.featureNames())))
        .isEqualTo(batch);
    for (int r : new int[] {0, 17, 299}) {
      double[] one = loaded.model().predict(loaded.features(test.take(new int[] {r})), 1);
      assertThat(one).as("row %d", r).containsExactly(batch[r]);
    }
  }
}
