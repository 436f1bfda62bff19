package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnException;
import java.io.IOException;

/**
 * The parts of an XGBoost JSON model (format of XGBoost 1.6 and newer) that prediction needs:
 * booster, objective, base score, output and feature counts. Reads the non-standard {@code NaN}
 * token XGBoost 1.7 writes for categorical splits.
 *
 * @param booster gbtree, dart or gblinear
 * @param objective the objective name, e.g. binary:logistic
 * @param numFeature the number of features
 * @param outputs values per row before the objective's transform (classes, targets or 1)
 * @param baseScore the base score as stored (the objective's output scale)
 * @param model the booster's {@code model} object (for dart: the inner gbtree's)
 * @param dartWeights dart's per-tree weights, or null
 * @param bestIteration the {@code best_iteration} attribute early stopping records, or null
 */
record XGBoostJson(String booster, String objective, int numFeature, int outputs, float baseScore,
    JsonNode model, JsonNode dartWeights, String bestIteration) {
  private static final JsonMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

  /**
   * Parses a model.
   *
   * @throws KilnException if the bytes are not XGBoost JSON
   */
  static XGBoostJson parse(byte[] json) {
    JsonNode root;
    try {
      root = LENIENT.readTree(json);
    } catch (IOException e) {
      throw new KilnException("Not an XGBoost JSON model: " + e.getMessage(),
          "save the model with save_model('model.json') (XGBoost 1.6 or newer)", e);
    }
    JsonNode learner = root.path("learner");
    JsonNode params = learner.path("learner_model_param");
    JsonNode gb = learner.path("gradient_booster");
    if (!params.isObject() || !gb.isObject()) {
      throw new KilnException("Not an XGBoost JSON model: no 'learner' with"
          + " 'learner_model_param' and 'gradient_booster'.",
          "save the model with save_model('model.json') (XGBoost 1.6 or newer)");
    }
    String booster = gb.path("name").asText();
    boolean dart = booster.equals("dart");
    int outputs = Math.max(1, Math.max(number(params, "num_class"), number(params, "num_target")));
    return new XGBoostJson(booster, learner.path("objective").path("name").asText(),
        number(params, "num_feature"), outputs, baseScore(params.path("base_score").asText("0.5")),
        dart ? gb.path("gbtree").path("model") : gb.path("model"),
        dart ? gb.path("weight_drop") : null,
        learner.path("attributes").path("best_iteration").textValue());
  }

  /** Returns the number of trees grown per boosting round (num_parallel_tree). */
  int parallelTrees() {
    return Math.max(1, number(model.path("gbtree_model_param"), "num_parallel_tree"));
  }

  /** Returns the number of boosting rounds the trees form (0 for gblinear). */
  int rounds() {
    JsonNode indptr = model.path("iteration_indptr");
    if (indptr.isArray() && indptr.size() > 0) {
      return indptr.size() - 1;
    }
    return model.path("trees").size() / (outputs * parallelTrees());
  }

  /**
   * Returns how many boosting rounds prediction uses, as XGBoost's scikit-learn API does: {@code
   * best_iteration + 1} when early stopping recorded it, else 0 (every round). gblinear ignores
   * it, as XGBoost does.
   *
   * @throws KilnException if best_iteration is not a round of the model (XGBoost refuses to
   *     predict with such a model: "Invalid number of trees")
   */
  int iterationEnd() {
    if (bestIteration == null || booster.equals("gblinear")) {
      return 0;
    }
    int best;
    try {
      best = Integer.parseInt(bestIteration.trim());
    } catch (NumberFormatException e) {
      best = -1;
    }
    if (best < 0 || best >= rounds()) {
      throw new KilnException("The XGBoost model's attribute best_iteration is '" + bestIteration
          + "', but its boosting rounds are 0 to " + (rounds() - 1) + ".",
          "save the model again from XGBoost (a model sliced after early stopping keeps a stale"
              + " best_iteration: set it with booster.set_attr(best_iteration=None))");
    }
    return best + 1;
  }

  /** Returns how many of the model's trees prediction uses: those of the first iterationEnd(). */
  int treeEnd() {
    int end = iterationEnd();
    JsonNode trees = model.path("trees");
    if (end == 0) {
      return trees.size();
    }
    JsonNode indptr = model.path("iteration_indptr");
    return indptr.isArray() && indptr.size() > end ? indptr.get(end).asInt()
        : end * outputs * parallelTrees();
  }

  /**
   * Returns the model with the known differences between what older XGBoost versions write and
   * what XGBoost4J 3.0 requires repaired, or null if none applies: 3.0 reads {@code reg:gamma}'s
   * {@code reg_loss_param}, which 1.7 does not write (its only field, scale_pos_weight, does not
   * affect gamma regression).
   */
  static byte[] upgraded(byte[] json) {
    try {
      JsonNode root = LENIENT.readTree(json);
      JsonNode objective = root.path("learner").path("objective");
      if (objective instanceof ObjectNode o && o.path("name").asText().equals("reg:gamma")
          && !o.has("reg_loss_param")) {
        o.putObject("reg_loss_param").put("scale_pos_weight", "1");
        return LENIENT.writeValueAsBytes(root);
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static int number(JsonNode params, String key) {
    return Integer.parseInt(params.path(key).asText("0"));
  }

  /** Reads "5E-1" or, as newer versions write it, "[5E-1]"; the first value serves all outputs. */
  private static float baseScore(String text) {
    String first = text.replace("[", "").replace("]", "").split(",")[0].trim();
    return Float.parseFloat(first);
  }
}
