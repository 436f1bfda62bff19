package dev.kiln.ml.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.KilnException;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Task;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.tuning.SearchSpace;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One candidate of a {@link ModelSelection}: an estimator kind with fixed parameters and a small
 * grid to tune it over, as written in YAML:
 *
 * <pre>
 * - name: xgboost
 *   model: xgboost
 *   rounds: 300
 *   early_stopping_rounds: 20
 *   params: {max_depth: 6, eta: 0.1}
 *   search: {max_depth: [4, 6]}
 * </pre>
 *
 * @param name the candidate's name in reports (unique within a selection)
 * @param model {@code xgboost} or {@code linear} (L2-regularised logistic or ridge regression;
 *     parameters {@code l2}, default 1.0, and {@code max_iter}, default 100)
 * @param params parameters every configuration shares
 * @param search parameter name to the values to try; every combination is tried (none: params
 *     alone)
 * @param rounds XGBoost's boosting rounds (default 100)
 * @param earlyStoppingRounds XGBoost stops when the validation metric has not improved for this
 *     many rounds (default 0: never)
 */
public record Candidate(String name, String model, Map<String, Object> params,
    Map<String, List<Object>> search, Integer rounds,
    @JsonProperty("early_stopping_rounds") Integer earlyStoppingRounds) {
  private static final Set<String> LINEAR_PARAMS = Set.of("l2", "max_iter");

  /**
   * Validates and fills defaults.
   *
   * @throws KilnException for a missing name, an unknown model or a negative round count
   */
  public Candidate {
    if (name == null || name.isBlank()) {
      throw new KilnException("A model selection candidate has no name.",
          "give each candidate a name, e.g. 'name: xgboost'");
    }
    if (!"xgboost".equals(model) && !"linear".equals(model)) {
      throw new KilnException("Candidate '" + name + "' has model '" + model + "'.",
          "use model: xgboost or model: linear");
    }
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(params));
    search = new SearchSpace(search == null ? Map.of() : search).values();
    rounds = rounds == null ? 100 : rounds;
    earlyStoppingRounds = earlyStoppingRounds == null ? 0 : earlyStoppingRounds;
    if (rounds < 1 || earlyStoppingRounds < 0) {
      throw new KilnException("Candidate '" + name + "' has rounds " + rounds
          + " and early_stopping_rounds " + earlyStoppingRounds + ".",
          "use rounds >= 1 and early_stopping_rounds >= 0");
    }
  }

  /** A linear baseline candidate. */
  public static Candidate linear(String name, Map<String, Object> params,
      Map<String, List<Object>> search) {
    return new Candidate(name, "linear", params, search, null, null);
  }

  /** An XGBoost candidate. */
  public static Candidate xgboost(String name, Map<String, Object> params,
      Map<String, List<Object>> search, int rounds, int earlyStoppingRounds) {
    return new Candidate(name, "xgboost", params, search, rounds, earlyStoppingRounds);
  }

  /** Returns the configurations to try: params overlaid with each combination of the grid. */
  public List<Map<String, Object>> configurations() {
    return new SearchSpace(search).grid().stream().map(combination -> {
      Map<String, Object> all = new LinkedHashMap<>(params);
      all.putAll(combination);
      return java.util.Collections.unmodifiableMap(all);
    }).toList();
  }

  /**
   * Creates the estimator of one configuration.
   *
   * @throws KilnException if a linear parameter is unknown or not a number, or the task does not
   *     suit the model
   */
  public Estimator estimator(Task task, Map<String, Object> configuration) {
    if (model.equals("xgboost")) {
      return new XGBoostEstimator(task, configuration, rounds, earlyStoppingRounds);
    }
    for (String key : configuration.keySet()) {
      if (!LINEAR_PARAMS.contains(key)) {
        throw new KilnException("Candidate '" + name + "': the linear model has no parameter '"
            + key + "'.", "use l2 and max_iter");
      }
    }
    return new LinearEstimator(task, number(configuration.getOrDefault("l2", 1.0), "l2"),
        (int) number(configuration.getOrDefault("max_iter", 100), "max_iter"));
  }

  private double number(Object value, String key) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new KilnException("Candidate '" + name + "': '" + key + "' must be a number, got '"
        + value + "'.", "write e.g. " + key + ": 1.0");
  }
}
