package dev.kiln.ml.selection;

import dev.kiln.ml.Model;
import java.util.List;
import java.util.Map;

/**
 * One candidate's outcome: its best configuration, that configuration's validation score and
 * model, and the score of every configuration tried.
 *
 * @param name the candidate's name
 * @param model the estimator kind (xgboost or linear)
 * @param params the best configuration's parameters
 * @param score the best validation score (higher is better; NaN if undefined)
 * @param fitted the best configuration's trained model
 * @param trials every configuration tried, in grid order
 */
public record CandidateResult(String name, String model, Map<String, Object> params,
    double score, Model fitted, List<Trial> trials) {
  /** Copies the collections. */
  public CandidateResult {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    trials = List.copyOf(trials);
  }

  /**
   * One configuration's validation score.
   *
   * @param params the configuration
   * @param score its validation score
   */
  public record Trial(Map<String, Object> params, double score) {}
}
