package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.ml.tuning.SearchSpace;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the {@code tune} node: those of {@code train} (without early stopping) plus
 * the search.
 *
 * @param target the column to predict (required)
 * @param task auto (the default), binary, multiclass, classification or regression
 * @param model xgboost (the default) or linear
 * @param exclude columns that are not features
 * @param preprocessing the steps, or null to choose them from the column types
 * @param params estimator parameters every configuration shares
 * @param search parameter name to the values to try (required), e.g. {@code {max_depth: [3, 6]}};
 *     {@code rounds} may be searched too
 * @param method grid (every combination, the default) or random
 * @param nIter how many combinations a random search tries (10)
 * @param folds cross-validation folds (5), stratified for classification
 * @param scoring roc_auc, pr_auc, neg_log_loss (binary) or neg_rmse, r2 (regression); default
 *     roc_auc or neg_rmse
 * @param rounds boosting rounds when {@code rounds} is not searched (100)
 * @param classWeight {@code balanced} to weigh classes by their inverse frequency, or null
 * @param workers folds trained at once (1)
 * @param seed the seed of the folds, the random search and the estimator
 */
public record TuneParams(String target, String task, String model, List<String> exclude,
    List<Step> preprocessing, Map<String, Object> params, Map<String, List<Object>> search,
    String method, Integer nIter, Integer folds, String scoring, Integer rounds,
    String classWeight, Integer workers, Long seed) {

  /** Validates and fills defaults. */
  public TuneParams {
    if (search == null || search.isEmpty()) {
      throw new KilnException("parameter 'search' is required.", "map each parameter to the"
          + " values to try, e.g. 'search: {max_depth: [3, 6], eta: [0.05, 0.1]}'");
    }
    method = method == null ? "grid" : method;
    nIter = nIter == null ? 10 : nIter;
    folds = folds == null ? 5 : folds;
    workers = workers == null ? 1 : workers;
    if (!List.of("grid", "random").contains(method)) {
      throw new KilnException("parameter 'method' must be grid or random, got '" + method
          + "'.", null);
    }
    if (folds < 2 || nIter < 1 || workers < 1) {
      throw new KilnException("parameters 'folds' (>= 2), 'n_iter' (>= 1) and 'workers'"
          + " (>= 1) are out of range.", null);
    }
    new SearchSpace(search);
    new TrainParams(target, task, model, exclude, preprocessing, params, rounds, 0, null,
        classWeight, seed);
  }

  /** Returns the {@code train} parameters of one configuration. */
  TrainParams train(Integer configRounds) {
    return new TrainParams(target, task, model, exclude, preprocessing, params, configRounds,
        0, null, classWeight, seed);
  }
}
