package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * The flat node table against XGBoost4J on models trained here and then edited: nodes numbered in
 * another order than XGBoost's, values exactly on split thresholds, infinities, missing values
 * down both default directions, single-leaf trees; and trees it must refuse.
 */
class TreeTableTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final int FEATURES = 4;
  private static final String[] PER_NODE = {"base_weights", "default_left", "loss_changes",
      "split_conditions", "split_indices", "split_type", "sum_hessian"};

  private static byte[] train(Map<String, Object> extra, int rounds) throws Exception {
    Random r = new Random(17);
    int n = 600;
    float[] x = new float[n * FEATURES];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < FEATURES; j++) {
        x[i * FEATURES + j] = r.nextDouble() < 0.15 ? Float.NaN : (float) r.nextGaussian();
      }
      float first = x[i * FEATURES];
      y[i] = (float) ((Float.isNaN(first) ? 0 : Math.sin(first))
          + (Float.isNaN(x[i * FEATURES + 1]) ? 1 : 0) + 0.3 * r.nextGaussian());
    }
    DMatrix m = new DMatrix(x, n, FEATURES, Float.NaN);
    m.setLabel(y);
    Map<String, Object> params = new HashMap<>(Map.of("nthread", 1, "seed", 3, "max_depth", 5,
        "verbosity", 0, "objective", "reg:squarederror"));
    params.putAll(extra);
    return XGBoost.train(m, params, rounds, Map.of(), null, null).toByteArray("json");
  }

  /** Rows of random values, every split threshold of the model, NaN and both infinities. */
  private static float[] rows(byte[] json) throws Exception {
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f};
    float[] thresholds = Arrays.copyOf(special, special.length + 10_000);
    int count = special.length;
    for (JsonNode tree : trees(JSON.readTree(json))) {
      for (JsonNode c : tree.path("split_conditions")) {
        thresholds[count++] = (float) c.asDouble();
      }
    }
    Random r = new Random(5);
    int rows = 1000;
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextBoolean() ? thresholds[r.nextInt(count)] : (float) r.nextGaussian();
    }
    return x;
  }

  private static ArrayNode trees(JsonNode model) {
    return (ArrayNode) model.path("learner").path("gradient_booster").path("model")
        .path("trees");
  }

  /**
   * Renumbers every tree's nodes but the root in reverse: the same trees, numbered as another
   * writer might.
   */
  private static byte[] reversed(byte[] json) throws Exception {
    JsonNode model = JSON.readTree(json);
    for (JsonNode t : trees(model)) {
      ObjectNode tree = (ObjectNode) t;
      int size = tree.path("left_children").size();
      int[] id = new int[size];
      for (int i = 1; i < size; i++) {
        id[i] = size - i;
      }
      for (String key : PER_NODE) {
        tree.set(key, permuted(tree.path(key), id, false));
      }
      for (String key : List.of("left_children", "right_children", "parents")) {
        tree.set(key, permuted(tree.path(key), id, true));
      }
    }
    return JSON.writeValueAsBytes(model);
  }

  /** Moves value i to position id[i]; node references (non-negative) are renumbered too. */
  private static ArrayNode permuted(JsonNode values, int[] id, boolean references) {
    JsonNode[] out = new JsonNode[values.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = values.get(i);
      boolean node = references && v.asInt() >= 0 && v.asInt() < id.length;
      out[id[i]] = node ? JSON.getNodeFactory().numberNode(id[v.asInt()]) : v;
    }
    return JSON.createArrayNode().addAll(Arrays.asList(out));
  }

  /** Asserts that Kiln predicts {@code json} as XGBoost4J predicts {@code oracle}. */
  private static void assertPredictsAsXGBoost(byte[] json, byte[] oracle) throws Exception {
    float[] x = rows(oracle);
    int rows = x.length / FEATURES;
    Booster booster = XGBoost.loadModel(oracle);
    float[][] expected = booster.inplace_predict(x, rows, FEATURES, Float.NaN);
    TreeEnsemble java = TreeEnsemble.fromJson(json);
    for (int batch : new int[] {1, 4, 7, 64, 100, rows}) {
      double[] out = new double[rows];
      for (int from = 0; from < rows; from += batch) {
        int n = Math.min(batch, rows - from);
        double[] part = new double[n];
        java.predict(Arrays.copyOfRange(x, from * FEATURES, (from + n) * FEATURES), n, part);
        System.arraycopy(part, 0, out, from, n);
      }
      for (int i = 0; i < rows; i++) {
        assertThat((float) out[i]).as("row %d of %s, batch %d", i,
            Arrays.toString(Arrays.copyOfRange(x, i * FEATURES, i * FEATURES + FEATURES)), batch)
            .isEqualTo(expected[i][0]);
      }
    }
  }

  @Test
  void nodesNumberedInAnyOrder_predictAsXGBoost_onThresholdsInfinitiesAndMissing()
      throws Exception {
    byte[] json = train(Map.of(), 12);
    String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).as("missing values go left at some splits and right at others")
        .containsPattern("\"default_left\":\\[[^\\]]*1").containsPattern(
            "\"default_left\":\\[[^\\]]*0,");
    assertPredictsAsXGBoost(json, json);
    byte[] reordered = reversed(json);
    assertThat(reordered).isNotEqualTo(json);
    // XGBoost's own predictor crashes on it (it expects its numbering): the original is the oracle
    assertPredictsAsXGBoost(reordered, json);
  }

  @Test
  void singleLeafTrees_predictAsXGBoost() throws Exception {
    byte[] json = train(Map.of("min_split_loss", 1e9), 3);
    assertThat(trees(JSON.readTree(json)).get(0).path("left_children").size()).isEqualTo(1);
    assertPredictsAsXGBoost(json, json);
  }

  @Test
  void childOutsideTheTree_isRefused() throws Exception {
    JsonNode model = JSON.readTree(train(Map.of(), 1));
    ((ArrayNode) trees(model).get(0).path("right_children")).set(0, 999);
    byte[] broken = JSON.writeValueAsBytes(model);
    assertThatThrownBy(() -> TreeEnsemble.fromJson(broken)).isInstanceOf(KilnException.class)
        .hasMessageContaining("outside its");
  }
}
