package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.KilnException;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early-stopped models: Kiln's trainer keeps the rounds up to the best one only (cut by
 * {@link ModelSlice} exactly as XGBoost's iteration range predicts), and models that keep later
 * rounds (Python's default) are explained over the same rounds they are predicted with.
 */
class EarlyStoppingTest {
  private static final int N = 600;
  private static final List<String> NAMES = XGBoostParityTest.NAMES;

  @TempDir Path dir;

  /** Noisy data (rows x 6, column 0 category codes): boosting overfits after a few rounds. */
  private static TrainingData data(long seed, int classes) {
    Random r = new Random(seed);
    float[] x = new float[N * 6];
    float[] y = new float[N];
    for (int i = 0; i < N; i++) {
      x[i * 6] = r.nextInt(8);
      for (int j = 1; j < 6; j++) {
        x[i * 6 + j] = r.nextDouble() < 0.08 ? Float.NaN : (float) r.nextGaussian();
      }
      double z = (Float.isNaN(x[i * 6 + 1]) ? 0 : x[i * 6 + 1]) + (x[i * 6] % 3 == 1 ? 0.5 : 0)
          + r.nextGaussian();
      y[i] = classes == 2 ? (z > 0 ? 1 : 0) : (z < -0.5 ? 0 : z < 0.5 ? 1 : 2);
    }
    return new TrainingData(x, N, NAMES, y, null);
  }

  private static Booster train(TrainingData d, Map<String, Object> extra, int rounds)
      throws Exception {
    DMatrix m = XGBoostEstimator.matrix(d, extra.containsKey("max_cat_to_onehot")
        ? java.util.Set.of("f0") : java.util.Set.of());
    Map<String, Object> params = new HashMap<>(Map.of("nthread", 1, "seed", 3, "max_depth", 4,
        "verbosity", 0, "objective", "binary:logistic"));
    params.putAll(extra);
    return XGBoost.train(m, params, rounds, Map.of(), null, null);
  }

  @Test
  void firstRounds_predictsAsXGBoostsIterationRange() throws Exception {
    TrainingData d = data(1, 2);
    TrainingData three = data(1, 3);
    float[] x = XGBoostParityTest.testRows(2);
    Map<String, Booster> models = new java.util.LinkedHashMap<>();
    models.put("gbtree", train(d, Map.of(), 15));
    models.put("multiclass", train(three, Map.of("objective", "multi:softprob", "num_class", 3),
        15));
    models.put("dart", train(d, Map.of("booster", "dart", "rate_drop", 0.3), 15));
    models.put("forest", train(d, Map.of("num_parallel_tree", 3, "subsample", 0.7), 15));
    models.put("categorical", train(d, Map.of("tree_method", "hist", "max_cat_to_onehot", 1), 15));
    for (Map.Entry<String, Booster> e : models.entrySet()) {
      byte[] full = e.getValue().toByteArray("json");
      for (int rounds : new int[] {1, 6, 15}) {
        Booster cut = XGBoost.loadModel(ModelSlice.firstRounds(full, rounds));
        assertThat(cut.getNumBoostedRound()).as(e.getKey()).isEqualTo(rounds);
        float[][] expected = e.getValue().inplace_predict(x, XGBoostParityTest.ROWS, 6, Float.NaN,
            new int[] {0, rounds});
        assertThat(cut.inplace_predict(x, XGBoostParityTest.ROWS, 6, Float.NaN))
            .as("%s cut to %d rounds", e.getKey(), rounds).isDeepEqualTo(expected);
      }
    }
    byte[] linear = train(d, Map.of("booster", "gblinear"), 5).toByteArray("json");
    assertThatThrownBy(() -> ModelSlice.firstRounds(linear, 2))
        .hasMessageContaining("gblinear model");
  }

  @Test
  void kilnTrainer_keepsTheBestRoundsOnly_andPythonPredictsTheSameEitherWay() throws Exception {
    for (int classes : new int[] {2, 3}) {
      Task task = classes == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
      XGBoostModel model = (XGBoostModel) new XGBoostEstimator(task, Map.of("eta", 0.9,
          "max_depth", 6), 300, 3).fit(data(3, classes), data(4, classes));
      Booster booster = XGBoost.loadModel(model.toBytes());
      int best = Integer.parseInt(booster.getAttr("best_iteration"));
      assertThat(booster.getNumBoostedRound()).isEqualTo(best + 1);
      assertThat(model.validationHistory()).hasSize(best + 4);
      Path file = dir.resolve("model" + classes + ".json");
      Files.write(file, model.toBytes());
      float[] x = XGBoostParityTest.testRows(5);
      double[] kiln = model.predict(x, 500);
      String script = "import json, sys, warnings\nimport numpy as np, xgboost as xgb\n"
          + "warnings.simplefilter('ignore')\n"
          + "x = np.array(json.loads(sys.stdin.readline()), dtype=np.float32).reshape(-1, 6)\n"
          + "e = xgb.XGBRegressor(); e.load_model('" + file + "')\n"
          + "b = xgb.Booster(model_file='" + file + "')\n"
          + "d = xgb.DMatrix(x, feature_names=b.feature_names)\n"
          + "for p in (e.predict(x), b.predict(d)):\n"
          + "    print(json.dumps(np.asarray(p, dtype=np.float32).ravel().tolist()))\n";
      String[] out = PythonOracle.run(script, Arrays.toString(Arrays.copyOf(x, 500 * 6))
          + "\n").trim().split("\n");
      for (String line : out) {
        float[] python = new com.fasterxml.jackson.databind.ObjectMapper().readValue(line,
            float[].class);
        assertThat(XGBoostParityTest.compare("python", kiln, python)).isNull();
      }
    }
  }

  @Test
  void modelWithLaterRounds_isExplainedOverTheRoundsItPredictsWith() throws Exception {
    for (int parallel : new int[] {1, 2}) {
      Booster booster = train(data(6, 2), Map.of("num_parallel_tree", parallel,
          "subsample", 0.8, "eta", 0.8), 15);
      byte[] full = booster.toByteArray("json");
      booster.setAttr("best_iteration", "4");
      XGBoostModel model = XGBoostModel.load(booster.toByteArray("json"),
          Task.BINARY_CLASSIFICATION, NAMES);
      XGBoostModel all = XGBoostModel.load(full, Task.BINARY_CLASSIFICATION, NAMES);
      float[] x = XGBoostParityTest.testRows(7);
      double[] p = model.predict(x, 100);
      assertThat(p).isNotEqualTo(all.predict(x, 100));
      float[][] contributions = model.contributions(x, 100);
      for (int i = 0; i < 100; i++) {
        double margin = 0;
        for (float c : contributions[i]) {
          margin += c;
        }
        assertThat(1 / (1 + Math.exp(-margin))).as("row %d, %d parallel trees", i, parallel)
            .isCloseTo(p[i], within(1e-5));
      }
    }
  }

  @Test
  void bestIterationOutsideTheModel_isRefusedAtLoad() throws Exception {
    Booster booster = train(data(8, 2), Map.of(), 15);
    for (String bad : new String[] {"15", "-1", "seven"}) {
      booster.setAttr("best_iteration", bad);
      byte[] json = booster.toByteArray("json");
      assertThatThrownBy(() -> XGBoostModel.load(json, Task.BINARY_CLASSIFICATION, NAMES))
          .isInstanceOf(KilnException.class)
          .hasMessageContaining("best_iteration is '" + bad + "', but its boosting rounds are 0"
              + " to 14");
    }
  }
}
