package fraud;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.selection.Candidate;
import dev.kiln.ml.selection.ModelSelection;
import dev.kiln.ml.tuning.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model selection, from parameters.yml 'model_selection'.
 *
 * @param metric the validation score compared: pr_auc, roc_auc or neg_log_loss
 * @param workers configurations trained at once
 * @param candidates kiln-ml candidates, simplest first; XGBoost's {@code scale_pos_weight: auto}
 *     (in params or search) means negatives / positives of the training rows
 */
public record SelectionOptions(String metric, int workers, List<Candidate> candidates) {
  private static final String SCALE = "scale_pos_weight";

  /** Returns the selection with 'auto' resolved against the training rows. */
  ModelSelection selection(TrainingData fit) {
    double ratio = negativesPerPositive(fit);
    List<Candidate> resolved = new ArrayList<>();
    for (Candidate c : candidates) {
      Map<String, Object> params = new LinkedHashMap<>(c.params());
      params.replaceAll((k, v) -> auto(k, v, ratio));
      Map<String, List<Object>> search = new LinkedHashMap<>();
      c.search().forEach((k, values) -> search.put(k, values.stream()
          .map(v -> auto(k, v, ratio)).toList()));
      resolved.add(new Candidate(c.name(), c.model(), params, search, c.rounds(),
          c.earlyStoppingRounds()));
    }
    return new ModelSelection(Task.BINARY_CLASSIFICATION, Scoring.parse(metric), resolved,
        workers);
  }

  /**
   * Returns the first XGBoost candidate (the tuning pipeline's base).
   *
   * @throws KilnException if there is none
   */
  Candidate xgboost() {
    return candidates.stream().filter(c -> c.model().equals("xgboost")).findFirst()
        .orElseThrow(() -> new KilnException("model_selection has no xgboost candidate.",
            "add one, e.g. '- {name: xgboost, model: xgboost}'"));
  }

  private static Object auto(String key, Object value, double ratio) {
    return key.equals(SCALE) && "auto".equals(value) ? ratio : value;
  }

  private static double negativesPerPositive(TrainingData fit) {
    double positives = 0;
    for (float y : fit.labels()) {
      positives += y;
    }
    return positives == 0 ? 1 : (fit.rows() - positives) / positives;
  }
}
