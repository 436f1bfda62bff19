package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.ml.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * Models trained by XGBoost4J 3.0.4 itself — every objective it trains from Java (AFT needs label
 * bounds its Java API cannot set; the Python test covers it), including 3.0's estimated
 * intercepts, quantile regression with several quantiles, categorical splits, dart and gblinear —
 * predicted by Kiln in plain Java bit for bit as XGBoost4J, at batch sizes 1 to 128 around the
 * predictor's lanes and blocks, random sizes and 10,000;
 * and a multi-output-tree model, which the Java predictor does not evaluate, predicted natively at
 * every batch size.
 */
class XGBoostNativeParityTest {
  private static final int N = 800;

  private record Data(float[] x, float[] binary, float[] classes, float[] real, float[] positive,
      float[] cox, float[] relevance) {}

  private static Data data() {
    Random r = new Random(21);
    float[] x = new float[N * 6];
    float[][] y = new float[6][N];
    for (int i = 0; i < N; i++) {
      x[i * 6] = r.nextInt(8);
      for (int j = 1; j < 6; j++) {
        x[i * 6 + j] = (float) r.nextGaussian();
      }
      for (int j = 0; j < 6; j++) {
        x[i * 6 + j] = r.nextDouble() < 0.08 ? Float.NaN : x[i * 6 + j];
      }
      double z = 0.8 * v(x[i * 6 + 1]) - 0.6 * v(x[i * 6 + 2]) + 0.3 * v(x[i * 6 + 3])
          * v(x[i * 6 + 4]) + (v(x[i * 6]) % 3 == 1 ? 0.4 : 0);
      double noisy = z + 0.5 * r.nextGaussian();
      y[0][i] = noisy > 0 ? 1 : 0;
      y[1][i] = noisy < -0.5 ? 0 : noisy < 0.5 ? 1 : 2;
      y[2][i] = (float) z;
      y[3][i] = (float) Math.exp(0.5 * noisy);
      y[4][i] = r.nextDouble() < 0.3 ? -y[3][i] : y[3][i];
      y[5][i] = z < -0.5 ? 0 : z < 0.5 ? 1 : z < 1.2 ? 2 : 3;
    }
    return new Data(x, y[0], y[1], y[2], y[3], y[4], y[5]);
  }

  private static double v(float f) {
    return Float.isNaN(f) ? 0 : f;
  }

  private static Map<String, Object[]> models(Data d) {
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put("binary:logistic", new Object[] {d.binary(), Map.of()});
    m.put("binary:logitraw", new Object[] {d.binary(), Map.of()});
    m.put("binary:hinge", new Object[] {d.binary(), Map.of()});
    m.put("multi:softprob", new Object[] {d.classes(), Map.of("num_class", 3)});
    m.put("multi:softmax", new Object[] {d.classes(), Map.of("num_class", 3)});
    m.put("reg:squarederror", new Object[] {d.real(), Map.of()});
    m.put("reg:squaredlogerror", new Object[] {d.positive(), Map.of()});
    m.put("reg:absoluteerror", new Object[] {d.real(), Map.of()});
    m.put("reg:pseudohubererror", new Object[] {d.real(), Map.of()});
    m.put("reg:quantileerror", new Object[] {d.real(), Map.of("quantile_alpha", "[0.1,0.5,0.9]")});
    m.put("reg:logistic", new Object[] {d.binary(), Map.of()});
    m.put("reg:gamma", new Object[] {d.positive(), Map.of()});
    m.put("reg:tweedie", new Object[] {d.positive(), Map.of("tweedie_variance_power", 1.3)});
    m.put("count:poisson", new Object[] {d.positive(), Map.of()});
    m.put("survival:cox", new Object[] {d.cox(), Map.of()});
    m.put("rank:pairwise", new Object[] {d.relevance(), Map.of()});
    m.put("rank:ndcg", new Object[] {d.relevance(), Map.of()});
    m.put("rank:map", new Object[] {d.binary(), Map.of()});
    m.put("gblinear", new Object[] {d.classes(), Map.of("booster", "gblinear", "num_class", 3,
        "objective", "multi:softprob")});
    m.put("dart", new Object[] {d.real(), Map.of("booster", "dart", "rate_drop", 0.3,
        "objective", "reg:squarederror")});
    m.put("categorical", new Object[] {d.binary(), Map.of("tree_method", "hist",
        "max_cat_to_onehot", 1, "objective", "binary:logistic")});
    return m;
  }

  private static byte[] train(Data d, String name, float[] label, Map<String, Object> extra)
      throws Exception {
    DMatrix m = new DMatrix(d.x(), N, 6, Float.NaN);
    m.setLabel(label);
    if (name.startsWith("rank:")) {
      int[] groups = new int[N / 20];
      java.util.Arrays.fill(groups, 20);
      m.setGroup(groups);
    }
    if (name.equals("categorical")) {
      m.setFeatureTypes(new String[] {"c", "q", "q", "q", "q", "q"});
    }
    Map<String, Object> params = new HashMap<>(Map.of("nthread", 1, "seed", 3, "max_depth", 4,
        "verbosity", 0, "objective", name));
    params.putAll(extra);
    Booster b = XGBoost.train(m, params, 12, Map.of(), null, null);
    return b.toByteArray("json");
  }

  @Test
  void everyObjectiveTrainedByXGBoost4J_isPredictedBitForBit() throws Exception {
    Data d = data();
    float[] x = XGBoostParityTest.testRows(9);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Object[]> e : models(d).entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> extra = (Map<String, Object>) e.getValue()[1];
      byte[] json = train(d, e.getKey(), (float[]) e.getValue()[0], extra);
      String problem = XGBoostParityTest.check(json, null, x);
      if (problem != null) {
        failures.add(e.getKey() + ": " + problem);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void vectorLeafModel_isPredictedNativelyAtEveryBatchSize() throws Exception {
    Data d = data();
    byte[] json = train(d, "multi:softprob", d.classes(), Map.of("num_class", 3,
        "tree_method", "hist", "multi_strategy", "multi_output_tree"));
    XGBoostModel model = XGBoostModel.load(json, Task.MULTICLASS_CLASSIFICATION,
        XGBoostParityTest.NAMES);
    assertThat(model.predictor()).startsWith("native").contains("multi-target trees");
    float[] x = XGBoostParityTest.testRows(4);
    double[] all = model.predict(x, XGBoostParityTest.ROWS);
    for (int batch : XGBoostParityTest.BATCHES) {
      assertThat(XGBoostParityTest.inBatches(model, x, batch, 130)).as("batch size %d", batch)
          .containsExactly(java.util.Arrays.copyOf(all, 130 * 3));
    }
    assertThat(XGBoostParityTest.compare("xgboost4j", all,
        XGBoostParityTest.nativePredict(json, x, 0))).isNull();
  }
}
