package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * Models of every objective and booster trained by Python XGBoost 1.7 (see
 * {@code xgboost/parity_models.py}: binary logistic/logitraw/hinge, reg:logistic, multiclass
 * softprob/softmax, squared, squared-log, absolute and pseudo-Huber error, gamma, Tweedie,
 * Poisson, Cox, AFT, three ranking objectives, gblinear, dart, categorical partition and one-hot
 * splits, random forests, multi-target regression) predicted by Kiln on 10,000 rows with missing
 * values and unseen, fractional and negative categories: in plain Java, identical for batch sizes
 * around the predictor's lanes and blocks ({@link #BATCHES}), random sizes and 10,000, and bit for
 * bit equal to Python XGBoost 1.7.4's and XGBoost4J 3.0.4's own predictions.
 */
class XGBoostParityTest {
  static final int ROWS = 10_000;
  /**
   * Batch sizes checked against one call of {@link #ROWS}: one row, around the Java predictor's
   * lanes of four rows and its blocks of 64.
   */
  static final int[] BATCHES = {1, 3, 4, 5, 63, 64, 65, 127, 128};
  static final List<String> NAMES = List.of("f0", "f1", "f2", "f3", "f4", "f5");
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Test rows: column 0 holds categories (also unseen, fractional, negative), NaN = missing. */
  static float[] testRows(long seed) {
    Random r = new Random(seed);
    float[] x = new float[ROWS * 6];
    float[] categories = {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 2.5f, -1, Float.NaN};
    for (int i = 0; i < ROWS; i++) {
      x[i * 6] = categories[r.nextInt(categories.length)];
      for (int j = 1; j < 6; j++) {
        x[i * 6 + j] = r.nextDouble() < 0.1 ? Float.NaN : (float) (r.nextGaussian() * 1.2);
      }
    }
    return x;
  }

  @Test
  void everyObjective_matchesPythonAndNative_atEveryBatchSize() throws Exception {
    float[] x = testRows(5);
    String script;
    try (InputStream in = getClass().getResourceAsStream("/xgboost/parity_models.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String rows = IntStream.range(0, x.length).mapToObj(i -> Float.toString(x[i]))
        .collect(Collectors.joining(",", "[", "]\n"));
    String[] lines = PythonOracle.run(script, rows).trim().split("\n");
    assertThat(lines).hasSize(27);
    List<String> failures = new ArrayList<>();
    for (String line : lines) {
      JsonNode m = JSON.readTree(line);
      String problem = check(m.get("model").asText().getBytes(StandardCharsets.UTF_8),
          floats(m.get("pred")), x);
      if (problem != null) {
        failures.add(m.get("name").asText() + ": " + problem);
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Checks one model; returns the first problem, or null. */
  static String check(byte[] json, float[] python, float[] x) throws Exception {
    return check(json, python, x, 0);
  }

  /**
   * Checks one model against Python's predictions and XGBoost4J's for its first {@code rounds}
   * boosting rounds (0: all); returns the first problem, or null.
   */
  static String check(byte[] json, float[] python, float[] x, int rounds) throws Exception {
    XGBoostModel model = XGBoostModel.load(json, Task.REGRESSION, NAMES);
    if (!model.predictor().equals("java")) {
      return "not predicted in Java: " + model.predictor();
    }
    double[] all = model.predict(x, ROWS);
    for (int batch : BATCHES) {
      if (!Arrays.equals(inBatches(model, x, batch, ROWS), all)) {
        return "batch size " + batch + " differs from one call of " + ROWS;
      }
    }
    if (!Arrays.equals(inRandomBatches(model, x, new Random(json.length)), all)) {
      return "batches of random sizes differ from one call of " + ROWS;
    }
    String p = python == null ? null : compare("python 1.7.4", all, python);
    return p != null ? p : compare("xgboost4j 3.0.4", all, nativePredict(json, x, rounds));
  }

  /** Predicts the first {@code rows} rows in calls of {@code batch} rows. */
  static double[] inBatches(XGBoostModel model, float[] x, int batch, int rows) {
    List<Double> out = new ArrayList<>();
    for (int from = 0; from < rows; from += batch) {
      int n = Math.min(batch, rows - from);
      for (double v : model.predict(Arrays.copyOfRange(x, from * 6, (from + n) * 6), n)) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Predicts all rows in calls of random sizes from 1 to 300 rows. */
  static double[] inRandomBatches(XGBoostModel model, float[] x, Random sizes) {
    double[] out = new double[0];
    for (int from = 0; from < ROWS; ) {
      int n = Math.min(1 + sizes.nextInt(300), ROWS - from);
      double[] part = model.predict(Arrays.copyOfRange(x, from * 6, (from + n) * 6), n);
      int at = out.length;
      out = Arrays.copyOf(out, at + part.length);
      System.arraycopy(part, 0, out, at, part.length);
      from += n;
    }
    return out;
  }

  /**
   * XGBoost4J's own prediction with the first {@code rounds} rounds (0: all): in place, or through
   * a DMatrix (every round) where that is unsupported.
   */
  static float[] nativePredict(byte[] json, float[] x, int rounds) throws Exception {
    Booster booster;
    try {
      booster = XGBoost.loadModel(json);
    } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
      booster = XGBoost.loadModel(XGBoostJson.upgraded(json));
    }
    float[][] raw;
    try {
      raw = booster.inplace_predict(x, ROWS, 6, Float.NaN, new int[] {0, rounds});
    } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
      raw = booster.predict(new DMatrix(x, ROWS, 6, Float.NaN));
    }
    float[] out = new float[raw.length * raw[0].length];
    for (int i = 0; i < raw.length; i++) {
      System.arraycopy(raw[i], 0, out, i * raw[0].length, raw[0].length);
    }
    return out;
  }

  /**
   * Returns null when every value is bit for bit the same float, else the first difference (on a
   * glibc other than 2.27 or newer XGBoost's expf/logf may differ in the last bit).
   */
  static String compare(String what, double[] kiln, float[] expected) {
    if (kiln.length != expected.length) {
      return what + ": " + expected.length + " values, kiln " + kiln.length;
    }
    for (int i = 0; i < kiln.length; i++) {
      float k = (float) kiln[i];
      if (Float.compare(k, expected[i]) != 0 || kiln[i] != k) {
        return String.format(Locale.ROOT, "%s: value %d is %s, kiln %s", what, i, expected[i], k);
      }
    }
    return null;
  }

  private static float[] floats(JsonNode values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }
}
