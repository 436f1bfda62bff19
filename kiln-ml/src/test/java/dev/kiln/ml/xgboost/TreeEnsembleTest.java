package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-Java predictor gives XGBoost's own predictions. */
class TreeEnsembleTest {
  private static TrainingData data(int classes, long seed) {
    Random r = new Random(seed);
    int n = 600;
    float[] x = new float[n * 5];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 5; j++) {
        x[i * 5 + j] = r.nextDouble() < 0.1 ? Float.NaN : (float) r.nextGaussian();
      }
      double a = Float.isNaN(x[i * 5]) ? 0.5 : x[i * 5];
      double b = Float.isNaN(x[i * 5 + 1]) ? 0 : x[i * 5 + 1];
      double z = a + b * 0.5 + r.nextGaussian() * 0.3;
      y[i] = classes == 0 ? (float) z : classes == 2 ? (z > 0 ? 1 : 0)
          : (float) Math.min(classes - 1, Math.max(0, Math.floor(z + classes / 2.0)));
    }
    return new TrainingData(x, n, List.of("a", "b", "c", "d", "e"), y, null);
  }

  private static void assertParity(Task task, int classes, Map<String, Object> params) {
    TrainingData d = data(classes, 17 + classes);
    Model model = new XGBoostEstimator(task, params, 40, 0).fit(d, null);
    double[] expected = model.predict(d.features(), d.rows());
    TreeEnsemble ensemble = TreeEnsemble.fromJson(model.toBytes());
    double[] actual = new double[d.rows() * ensemble.outputsPerRow()];
    ensemble.predict(d.features(), d.rows(), actual);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(1e-5));
    }
    int small = XGBoostModel.JAVA_ROWS;
    double[] smallBatch = model.predict(java.util.Arrays.copyOf(d.features(), small * 5), small);
    for (int i = 0; i < smallBatch.length; i++) {
      assertThat(smallBatch[i]).as("small-batch output %d", i).isCloseTo(expected[i], within(1e-5));
    }
  }

  @Test
  void binaryLogistic_matchesXGBoost() {
    assertParity(Task.BINARY_CLASSIFICATION, 2, Map.of("max_depth", 5, "eta", 0.3));
  }

  @Test
  void binaryWithBaseScore_matchesXGBoost() {
    assertParity(Task.BINARY_CLASSIFICATION, 2, Map.of("max_depth", 4, "base_score", 0.2));
  }

  @Test
  void regression_matchesXGBoost() {
    assertParity(Task.REGRESSION, 0, Map.of("max_depth", 6, "eta", 0.2));
  }

  @Test
  void multiclass_matchesXGBoost() {
    assertParity(Task.MULTICLASS_CLASSIFICATION, 3, Map.of("max_depth", 3));
  }
}
