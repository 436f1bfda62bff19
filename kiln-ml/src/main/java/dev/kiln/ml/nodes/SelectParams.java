package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.ml.selection.Candidate;
import dev.kiln.ml.tuning.Scoring;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the {@code select} node: those of {@code train} that concern the data, and
 * the candidates compared.
 *
 * @param target the column to predict (required)
 * @param task auto (the default), binary, classification or regression
 * @param exclude columns that are not features
 * @param preprocessing the steps every candidate shares, or null to choose them from the column
 *     types (as for the linear baseline when a candidate is linear, else as for XGBoost)
 * @param candidates the candidates, simplest first (it wins ties): name, model (xgboost or
 *     linear), params, search, rounds, early_stopping_rounds; XGBoost's
 *     {@code scale_pos_weight: auto} means negatives / positives of the training rows
 * @param metric the validation score compared: roc_auc (binary default), pr_auc, neg_log_loss,
 *     neg_rmse (regression default) or r2
 * @param validationSize the share of training rows held out for the comparison when no
 *     validation input is bound (0.1)
 * @param classWeight {@code balanced} to weigh classes by their inverse frequency, or null
 * @param workers configurations trained at once (1)
 * @param seed the seed of the hold-out split and of XGBoost (42)
 */
public record SelectParams(String target, String task, List<String> exclude,
    List<Step> preprocessing, List<Candidate> candidates, String metric, Double validationSize,
    String classWeight, Integer workers, Long seed) {

  /** Validates and fills defaults. */
  public SelectParams {
    if (candidates == null || candidates.isEmpty()) {
      throw new KilnException("parameter 'candidates' is required.", "list the models to"
          + " compare, simplest first, e.g. '- {name: linear, model: linear}' and"
          + " '- {name: xgboost, model: xgboost}'");
    }
    candidates = List.copyOf(candidates);
    Set<String> names = new HashSet<>();
    for (Candidate c : candidates) {
      if (!names.add(c.name())) {
        throw new KilnException("two candidates are named '" + c.name() + "'.",
            "give each candidate its own name");
      }
    }
    if (metric != null) {
      Scoring.parse(metric);
    }
    workers = workers == null ? 1 : workers;
    if (workers < 1) {
      throw new KilnException("parameter 'workers' must be at least 1, got " + workers + ".",
          null);
    }
    TrainParams t = new TrainParams(target, task, null, exclude, preprocessing, Map.of(), null,
        null, validationSize, classWeight, seed);
    if (t.task().equals("multiclass")) {
      throw new KilnException("select compares binary classifiers and regressions, not"
          + " multiclass models.", "train a multiclass model with the train node");
    }
    task = t.task();
    exclude = t.exclude();
    validationSize = t.validationSize();
    seed = t.seed();
  }

  /** Returns the {@code train} parameters that choose and fit the shared preprocessing. */
  TrainParams train() {
    boolean linear = candidates.stream().anyMatch(c -> c.model().equals("linear"));
    return new TrainParams(target, task, linear ? "linear" : "xgboost", exclude, preprocessing,
        Map.of(), null, null, validationSize, classWeight, seed);
  }
}
