package dev.kiln.ml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The linear baseline against scikit-learn's LogisticRegression and Ridge. */
class LinearEstimatorTest {
  private static TrainingData data(boolean classification) {
    Random r = new Random(3);
    int n = 300;
    float[] x = new float[n * 3];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = (float) r.nextGaussian();
      }
      double z = 0.5 + 1.5 * x[i * 3] - 2 * x[i * 3 + 1] + 0.3 * r.nextGaussian();
      y[i] = classification ? (z + r.nextGaussian() > 0 ? 1 : 0) : (float) z;
    }
    return new TrainingData(x, n, List.of("a", "b", "c"), y, null);
  }

  private static String python(TrainingData d, String model) throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < 3; j++) {
        rows.append((double) d.features()[i * 3 + j]).append(',');
      }
      rows.append((double) d.labels()[i]).append('\n');
    }
    return PythonOracle.run("import sys, numpy as np\n"
        + "from sklearn.linear_model import LogisticRegression, Ridge\n"
        + "d = np.loadtxt(sys.stdin, delimiter=',')\n"
        + "m = " + model + ".fit(d[:, :3], d[:, 3])\n"
        + "print(' '.join(repr(float(v)) for v in [m.intercept_.ravel()[0], *m.coef_.ravel()]))\n",
        rows.toString());
  }

  @Test
  void logistic_matchesSklearn() throws Exception {
    TrainingData d = data(true);
    LinearModel m = (LinearModel) new LinearEstimator(Task.BINARY_CLASSIFICATION, 1.0, 50)
        .fit(d, null);
    double[] expected = Arrays.stream(python(d, "LogisticRegression(C=1.0, solver='newton-cg', tol=1e-12,"
        + " max_iter=10000)").trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    assertThat(m.intercept()).isCloseTo(expected[0], within(1e-5));
    for (int j = 0; j < 3; j++) {
      assertThat(m.coefficients()[j]).isCloseTo(expected[j + 1], within(1e-5));
    }
  }

  @Test
  void ridge_matchesSklearn_andJsonRoundTrips() throws Exception {
    TrainingData d = data(false);
    LinearModel m = (LinearModel) new LinearEstimator(Task.REGRESSION, 2.0, 1).fit(d, null);
    double[] expected = Arrays.stream(python(d, "Ridge(alpha=2.0)").trim().split(" "))
        .mapToDouble(Double::parseDouble).toArray();
    assertThat(m.intercept()).isCloseTo(expected[0], within(1e-9));
    assertThat(m.coefficients()[1]).isCloseTo(expected[2], within(1e-9));
    LinearModel back = LinearModel.load(m.toBytes());
    assertThat(back.predict(d.features(), 5)).containsExactly(m.predict(d.features(), 5));
  }

  @Test
  void contributions_areLinearShapValues_summingToTheLogOdds() {
    TrainingData d = data(true);
    LinearModel m = (LinearModel) new LinearEstimator(Task.BINARY_CLASSIFICATION, 1.0, 50)
        .fit(d, null);
    float[][] c = m.contributions(d.features(), 5);
    double[] p = m.predict(d.features(), 5);
    double bias = m.intercept();
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (int i = 0; i < d.rows(); i++) {
        mean += d.features()[i * 3 + j];
      }
      mean /= d.rows();
      assertThat(m.featureMeans()[j]).isCloseTo(mean, within(1e-9));
      bias += m.coefficients()[j] * mean;
      assertThat(c[0][j]).isCloseTo((float) (m.coefficients()[j] * (d.features()[j] - mean)),
          within(1e-6f));
    }
    assertThat(c[0][3]).isCloseTo((float) bias, within(1e-6f));
    for (int i = 0; i < 5; i++) {
      double sum = 0;
      for (float v : c[i]) {
        sum += v;
      }
      assertThat(sum).as("row %d", i).isCloseTo(Math.log(p[i] / (1 - p[i])), within(1e-5));
    }
  }

  @Test
  void tinyFeatureScale_fitsTheSameModel() {
    for (Task task : List.of(Task.REGRESSION, Task.BINARY_CLASSIFICATION)) {
      TrainingData d = data(task == Task.BINARY_CLASSIFICATION);
      float[] scaled = d.features().clone();
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] *= 1e-7f;
      }
      TrainingData small = new TrainingData(scaled, d.rows(), d.featureNames(), d.labels(), null);
      LinearEstimator estimator = new LinearEstimator(task, 0, 50);
      double[] expected = estimator.fit(d, null).predict(d.features(), d.rows());
      double[] actual = estimator.fit(small, null).predict(scaled, d.rows());
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("%s row %d", task, i).isCloseTo(expected[i], within(1e-6));
      }
    }
  }

  @Test
  void duplicatedFeature_isRefusedWithHint() {
    TrainingData d = data(false);
    float[] x = d.features().clone();
    for (int i = 0; i < d.rows(); i++) {
      x[i * 3 + 2] = x[i * 3] * 1e-7f;
    }
    assertThatThrownBy(() -> new LinearEstimator(Task.REGRESSION, 0, 1)
        .fit(new TrainingData(x, d.rows(), d.featureNames(), d.labels(), null), null))
        .isInstanceOfSatisfying(dev.kiln.core.KilnException.class, e -> assertThat(e.describe())
            .contains("singular").contains("l2 > 0"));
  }

  @Test
  void missingValues_areRefusedWithHint() {
    TrainingData d = data(false);
    d.features()[4] = Float.NaN;
    assertThatThrownBy(() -> new LinearEstimator(Task.REGRESSION, 0, 1).fit(d, null))
        .hasMessageContaining("missing values");
  }
}
