package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.ml.Model;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.metrics.ScoreCurves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiln's XGBoost models and Debian's Python XGBoost read each other's JSON models. */
class XGBoostInteropTest {
  private static final int ROWS = 400;
  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  @TempDir Path dir;

  private static TrainingData data(long seed) {
    Random r = new Random(seed);
    float[] x = new float[ROWS * NAMES.size()];
    float[] y = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < NAMES.size(); j++) {
        x[i * 4 + j] = r.nextDouble() < 0.05 ? Float.NaN : (float) r.nextGaussian();
      }
      double z = (Float.isNaN(x[i * 4]) ? 0 : x[i * 4]) - 0.5 * x[i * 4 + 1];
      y[i] = z + 0.3 * r.nextGaussian() > 0 ? 1 : 0;
    }
    return new TrainingData(x, ROWS, NAMES, y, null);
  }

  private Path writeFeatures(TrainingData d) throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < 4; j++) {
        float v = d.features()[i * 4 + j];
        csv.append(j == 0 ? "" : ",").append(Float.isNaN(v) ? "nan" : Float.toString(v));
      }
      csv.append('\n');
    }
    Path file = dir.resolve("x.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static double[] parse(String out) {
    return Arrays.stream(out.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  @Test
  void kilnModel_predictsTheSameInPython() throws Exception {
    TrainingData train = data(1);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        Map.of("max_depth", 3, "eta", 0.3, "seed", 1), 20, 0).fit(train, null);
    Path modelFile = dir.resolve("model.json");
    Files.write(modelFile, model.toBytes());
    double[] kiln = model.predict(train.features(), train.rows());
    String script = "import numpy as np, xgboost as xgb\n"
        + "b = xgb.Booster(); b.load_model('" + modelFile + "')\n"
        + "x = np.genfromtxt('" + writeFeatures(train) + "', delimiter=',')\n"
        + "d = xgb.DMatrix(x, missing=np.nan, feature_names=['a', 'b', 'c', 'd'])\n"
        + "print('\\n'.join(repr(float(v)) for v in b.predict(d)))\n";
    double[] python = parse(PythonOracle.run(script, ""));
    assertThat(python).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(python[i]).isCloseTo(kiln[i], org.assertj.core.api.Assertions.within(1e-6));
    }
    assertThat(ScoreCurves.of(train.classLabels(), kiln).rocAuc()).isGreaterThan(0.85);
  }

  @Test
  void pythonModel_loadsInKilnWithTheSamePredictions() throws Exception {
    TrainingData train = data(2);
    Path x = writeFeatures(train);
    Path modelFile = dir.resolve("py.json");
    StringBuilder labels = new StringBuilder();
    for (float v : train.labels()) {
      labels.append(v).append('\n');
    }
    Files.writeString(dir.resolve("y.txt"), labels);
    String script = "import numpy as np, xgboost as xgb\n"
        + "x = np.genfromtxt('" + x + "', delimiter=',')\n"
        + "y = np.loadtxt('" + dir.resolve("y.txt") + "')\n"
        + "b = xgb.train({'max_depth': 4, 'eta': 0.2, 'objective': 'binary:logistic',"
        + " 'nthread': 1}, xgb.DMatrix(x, label=y, missing=np.nan), 15)\n"
        + "b.save_model('" + modelFile + "')\n"
        + "print('\\n'.join(repr(float(v)) for v in b.predict(xgb.DMatrix(x, missing=np.nan))))\n";
    double[] python = parse(PythonOracle.run(script, ""));
    XGBoostModel model = XGBoostModel.load(Files.readAllBytes(modelFile),
        Task.BINARY_CLASSIFICATION, NAMES);
    double[] kiln = model.predict(train.features(), train.rows());
    for (int i = 0; i < ROWS; i++) {
      assertThat(kiln[i]).isCloseTo(python[i], org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  @Test
  void earlyStopping_recordsBestIterationAndStopsBeforeMaxRounds() throws Exception {
    TrainingData train = data(3);
    TrainingData valid = data(4);
    XGBoostModel model = (XGBoostModel) new XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        Map.of("max_depth", 6, "eta", 0.5), 500, 5).fit(train, valid);
    String json = new String(model.toBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).contains("best_iteration");
    int trees = json.split("\"split_indices\"").length - 1;
    assertThat(trees).isLessThan(500);
    assertThat(model.featureImportance()).containsOnlyKeys(NAMES);
    float[][] contributions = model.contributions(valid.features(), 3);
    assertThat(contributions).hasNumberOfRows(3);
    double[] margin = model.predict(valid.features(), 3);
    for (int i = 0; i < 3; i++) {
      assertThat(contributions[i]).hasSize(NAMES.size() + 1);
      double sum = 0;
      for (float c : contributions[i]) {
        sum += c;
      }
      assertThat(1 / (1 + Math.exp(-sum))).isCloseTo(margin[i],
          org.assertj.core.api.Assertions.within(1e-5));
    }
  }

  @Test
  void regressionAndMulticlass_train() {
    TrainingData d = data(5);
    Model reg = new XGBoostEstimator(Task.REGRESSION, Map.of(), 10, 0).fit(d, null);
    assertThat(reg.predict(d.features(), 5)).hasSize(5);
    float[] three = d.labels().clone();
    for (int i = 0; i < three.length; i += 3) {
      three[i] = 2;
    }
    Model multi = new XGBoostEstimator(Task.MULTICLASS_CLASSIFICATION, Map.of(), 5, 0)
        .fit(new TrainingData(d.features(), d.rows(), NAMES, three, null), null);
    double[] p = multi.predict(d.features(), 2);
    assertThat(p).hasSize(6);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
  }
}
