package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.EncodedFrame;
import dev.kiln.ml.preprocess.FittedOneHot;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.Step;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sparse one-hot training and scoring against Python: scikit-learn 1.2's {@code OneHotEncoder}
 * with sparse output (infrequent buckets by count and by max_categories, unseen categories, a
 * column of one category, missing categories and numbers) feeding XGBoost 1.7.4's CSR DMatrix,
 * as its documentation recommends (see {@code xgboost/sparse_one_hot.py}), on seeded random
 * rows. Kiln must encode the same features, train the same trees (XGBoost 3.0 in Kiln, 1.7 in
 * Python) and predict each side's model as Python does, to 1e-6.
 */
class SparseOneHotOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = Long.getLong("kiln.oracle.seed", 20_261_202L);
  private static final int ROUNDS = 20;
  private static final Map<String, Object> PARAMS = Map.of("objective", "binary:logistic",
      "max_depth", 4, "eta", 0.3, "tree_method", "hist", "base_score", 0.5, "seed", 1,
      "nthread", 1);

  @Test
  void sparseOneHot_trainsAndPredictsAsSklearnAndXgboost() throws Exception {
    Random random = new Random(SEED);
    Frame train = rows(3000, random, false);
    Frame test = rows(400, random, true);
    List<Step> steps = List.of(
        new OneHotEncoder(List.of("city"), "infrequent_if_exist", null, 60.0),
        new OneHotEncoder(List.of("make"), "infrequent_if_exist", 8, null),
        new OneHotEncoder(List.of("only"), "ignore"));
    FittedPreprocessor fitted = FittedPreprocessor.fromJson(new Preprocessor(steps)
        .fit(train.drop(List.of("y"))).toJson());
    assertThat(fitted.steps()).allMatch(s -> ((FittedOneHot) s).sparse());
    TrainingData data = TrainingData.of(encoded(fitted, train), "y");
    assertThat(data.oneHot()).hasSize(3);
    XGBoostModel kilnModel = (XGBoostModel) new XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        PARAMS, ROUNDS, 0).fit(data, null);
    FeatureMatrix x = FeatureMatrix.of(fitted.encode(test.drop(List.of("y"))),
        data.featureNames());

    JsonNode python = JSON.readTree(PythonOracle.run(script(), JSON.writeValueAsString(
        input(train, test, kilnModel))));

    List<String> names = new ArrayList<>();
    python.get("names").forEach(n -> names.add(n.asText().replaceFirst(
        "^(city|make|only)_infrequent_sklearn$", "$1=" + FittedOneHot.INFREQUENT)
        .replaceFirst("^(city|make|only)_", "$1=")));
    assertThat(data.featureNames()).isEqualTo(names);
    assertThat(names).contains("city=" + FittedOneHot.INFREQUENT, "make=" + FittedOneHot.INFREQUENT,
        "only=solo");
    XGBoostModel pythonModel = XGBoostModel.load(python.get("python_model").asText()
        .getBytes(StandardCharsets.UTF_8), Task.BINARY_CLASSIFICATION, names);
    double[] expected = doubles(python.get("python"));
    assertClose("Kiln's sparse scoring of Python's model", pythonModel.predict(x), expected);
    assertClose("Kiln's dense scoring of Python's model (natively, 400 rows)",
        pythonModel.predict(x.toDense(), x.rows()), expected);
    double[] kiln = kilnModel.predict(x);
    assertClose("Python's scoring of Kiln's model", kiln,
        doubles(python.get("kiln_model_in_python")));
    assertClose("Kiln's model against Python's model", kiln, expected);
  }

  private static EncodedFrame encoded(FittedPreprocessor fitted, Frame rows) {
    return fitted.encode(rows.drop(List.of("y"))).withColumn(rows.column("y"));
  }

  private static Map<String, Object> input(Frame train, Frame test, XGBoostModel kiln) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("train", columns(train));
    in.put("test", columns(test));
    in.put("numeric", List.of("a", "b"));
    in.put("encoders", List.of(
        encoder("city", "infrequent_if_exist", null, 60),
        encoder("make", "infrequent_if_exist", 8, null),
        encoder("only", "ignore", null, null)));
    in.put("params", PARAMS);
    in.put("rounds", ROUNDS);
    in.put("kiln_model", new String(kiln.toBytes(), StandardCharsets.UTF_8));
    return in;
  }

  private static Map<String, Object> encoder(String column, String unknown, Integer max,
      Integer min) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("column", column);
    e.put("handle_unknown", unknown);
    e.put("max_categories", max);
    e.put("min_frequency", min);
    return e;
  }

  private static Map<String, List<Object>> columns(Frame f) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (String name : f.columnNames()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < f.rowCount(); i++) {
        values.add(f.column(name).isNull(i) ? null : f.column(name).get(i));
      }
      out.put(name, values);
    }
    return out;
  }

  /**
   * Skewed cities with a rare tail, makes, a column of one category, a number with gaps and one
   * without zeros; the test rows add unseen cities and makes.
   */
  static Frame rows(int n, Random r, boolean unseen) {
    String[] city = new String[n];
    String[] make = new String[n];
    String[] only = new String[n];
    double[] a = new double[n];
    double[] b = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int c = (int) (Math.pow(r.nextDouble(), 2) * 40);
      int m = r.nextInt(25);
      city[i] = r.nextDouble() < 0.04 ? null : unseen && r.nextDouble() < 0.06 ? "c-new-" + (i % 3)
          : String.format("c%02d", c);
      make[i] = r.nextDouble() < 0.03 ? null : unseen && r.nextDouble() < 0.05 ? "m-new"
          : "m" + m;
      only[i] = r.nextDouble() < 0.1 ? null : "solo";
      a[i] = r.nextDouble() < 0.05 ? Double.NaN : r.nextGaussian();
      b[i] = 1 + 99 * r.nextDouble();
      double z = (c % 7 - 3) * 0.4 + (m % 5 - 2) * 0.5 + (only[i] == null ? 0.8 : 0)
          + (Double.isNaN(a[i]) ? 0.5 : a[i]) - 0.01 * b[i] + 0.5 * r.nextGaussian();
      y[i] = z > 0 ? 1 : 0;
    }
    return Frame.of(StringColumn.of("city", city), StringColumn.of("make", make),
        StringColumn.of("only", only), DoubleColumn.of("a", a), DoubleColumn.of("b", b),
        DoubleColumn.of("y", y));
  }

  private static void assertClose(String what, double[] kiln, double[] expected) {
    assertThat(kiln).as(what).hasSameSizeAs(expected);
    double worst = 0;
    for (int i = 0; i < kiln.length; i++) {
      worst = Math.max(worst, Math.abs(kiln[i] - expected[i]));
    }
    assertThat(worst).as(what + ": max abs difference").isLessThanOrEqualTo(1e-6);
  }

  private static double[] doubles(JsonNode values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).asDouble();
    }
    return out;
  }

  private String script() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/xgboost/sparse_one_hot.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
