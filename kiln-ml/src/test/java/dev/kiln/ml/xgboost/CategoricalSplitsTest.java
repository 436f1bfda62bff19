package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * XGBoost's native categorical splits: training marks the coded features as categorical, and the
 * plain-Java predictor routes codes (in range, unseen, missing) exactly as XGBoost's own.
 */
class CategoricalSplitsTest {
  private static final int ROWS = 1500;

  /** Features: city (60 codes with its own effect), kind (3 codes), x (numeric); 5% missing. */
  private static TrainingData data(Task task) {
    Random r = new Random(5);
    double[] cityEffect = r.doubles(60, -2, 2).toArray();
    float[] x = new float[ROWS * 3];
    float[] y = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      int city = r.nextInt(60);
      int kind = r.nextInt(3);
      x[i * 3] = r.nextDouble() < 0.05 ? Float.NaN : city;
      x[i * 3 + 1] = kind;
      x[i * 3 + 2] = (float) r.nextGaussian();
      double z = cityEffect[city] + (kind == 1 ? 1 : 0) + 0.5 * x[i * 3 + 2]
          + r.nextGaussian() * 0.3;
      y[i] = task == Task.REGRESSION ? (float) z : z > 0 ? 1 : 0;
    }
    return new TrainingData(x, ROWS, List.of("city", "kind", "x"), y, null);
  }

  private static void assertParity(Task task) throws Exception {
    TrainingData d = data(task);
    Model model = new XGBoostEstimator(task, Map.of("max_depth", 4,
        XGBoostEstimator.CATEGORICAL, List.of("city", "kind")), 30, 0).fit(d, null);
    String json = new String(model.toBytes(), StandardCharsets.UTF_8);
    assertThat(json).as("the model has categorical splits")
        .containsPattern("\"split_type\":\\[[^\\]]*1");

    float[] rows = java.util.Arrays.copyOf(d.features(), d.features().length + 9);
    float[] odd = {75, 0, 0.1f, Float.NaN, 2, -0.3f, 59, 7, 1.2f};  // unseen codes, missing
    System.arraycopy(odd, 0, rows, d.features().length, odd.length);
    int n = d.rows() + 3;
    Booster booster = XGBoost.loadModel(model.toBytes());
    float[][] expected = booster.predict(XGBoostEstimator.matrix(new TrainingData(rows, n,
        d.featureNames(), new float[n], null), Set.of("city", "kind")));
    TreeEnsemble ensemble = TreeEnsemble.fromJson(model.toBytes());
    double[] actual = new double[n];
    ensemble.predict(rows, n, actual);
    for (int i = 0; i < n; i++) {
      assertThat(actual[i]).as("row %d", i).isCloseTo(expected[i][0], within(1e-5));
    }
  }

  @Test
  void binary_javaPredictorMatchesXGBoost() throws Exception {
    assertParity(Task.BINARY_CLASSIFICATION);
  }

  @Test
  void regression_javaPredictorMatchesXGBoost() throws Exception {
    assertParity(Task.REGRESSION);
  }
}
