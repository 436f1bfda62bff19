package dev.kiln.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.ml.PythonOracle;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Compares Kiln's metrics with scikit-learn's on random data (Debian's python3-sklearn). */
class SklearnOracleTest {
  private static final String SCRIPT = String.join("\n",
      "import sys, json",
      "from sklearn import metrics as m",
      "d = json.load(sys.stdin)",
      "y, s, p, t, r = d['y'], d['s'], d['p'], d['t'], d['r']",
      "print(json.dumps([m.accuracy_score(y, p), m.precision_score(y, p), m.recall_score(y, p),",
      "  m.roc_auc_score(y, s), m.average_precision_score(y, s), m.log_loss(y, s),",
      "  m.mean_squared_error(t, r), m.mean_absolute_error(t, r), m.r2_score(t, r),",
      "  m.mean_absolute_percentage_error(t, r)]))");

  @Test
  void randomData_matchesSklearn() throws Exception {
    Random random = new Random(11);
    int n = 500;
    int[] y = new int[n];
    double[] s = new double[n];
    int[] p = new int[n];
    double[] t = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextDouble() < 0.3 ? 1 : 0;
      s[i] = Math.round((0.3 * y[i] + 0.7 * random.nextDouble()) * 50) / 50.0;
      p[i] = s[i] >= 0.5 ? 1 : 0;
      t[i] = random.nextGaussian() * 10 + 3;
      r[i] = t[i] + random.nextGaussian();
    }
    String json = "{\"y\":" + list(Arrays.stream(y).asDoubleStream().toArray()) + ",\"s\":"
        + list(s) + ",\"p\":" + list(Arrays.stream(p).asDoubleStream().toArray()) + ",\"t\":"
        + list(t) + ",\"r\":" + list(r) + "}";
    double[] expected = Arrays.stream(PythonOracle.run(SCRIPT, json).trim()
        .replaceAll("[\\[\\]]", "").split(",")).mapToDouble(Double::parseDouble).toArray();
    BinaryMetrics b = BinaryMetrics.of(y, p);
    ScoreCurves c = ScoreCurves.of(y, s);
    RegressionMetrics g = RegressionMetrics.of(t, r);
    double[] actual = {b.accuracy(), b.precision(), b.recall(), c.rocAuc(), c.averagePrecision(),
        ScoreCurves.logLoss(y, s), g.mse(), g.mae(), g.r2(), g.mape()};
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("metric %d", i)
          .isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-12));
    }
  }

  private static String list(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }
}
