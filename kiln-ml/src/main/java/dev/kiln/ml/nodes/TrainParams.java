package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.ml.preprocess.Step;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the {@code train} node.
 *
 * @param target the column to predict (required)
 * @param task auto (the default), binary, multiclass, classification or regression
 * @param model xgboost (the default) or linear
 * @param exclude columns that are not features (ids kept for tracing)
 * @param preprocessing the steps, or null to choose them from the column types
 * @param params estimator parameters (XGBoost's, e.g. max_depth, eta; linear: l2)
 * @param rounds boosting rounds (XGBoost's n_estimators), 100 by default
 * @param earlyStoppingRounds stop when the validation metric has not improved for this many
 *     rounds; 0 (the default) never stops early
 * @param validationSize the share of training rows held out for early stopping when no
 *     validation input is bound
 * @param classWeight {@code balanced} to weigh classes by their inverse frequency, or null
 * @param seed the seed of the hold-out split and of the estimator
 */
public record TrainParams(String target, String task, String model, List<String> exclude,
    List<Step> preprocessing, Map<String, Object> params, Integer rounds,
    Integer earlyStoppingRounds, Double validationSize, String classWeight, Long seed) {

  /** Validates and fills defaults. */
  public TrainParams {
    if (target == null || target.isBlank()) {
      throw new KilnException("parameter 'target' is required.", "name the column to predict,"
          + " e.g. 'target: price'");
    }
    task = task == null ? "auto" : task;
    model = model == null ? "xgboost" : model;
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    params = params == null ? Map.of() : Map.copyOf(params);
    rounds = rounds == null ? 100 : rounds;
    earlyStoppingRounds = earlyStoppingRounds == null ? 0 : earlyStoppingRounds;
    validationSize = validationSize == null ? 0.1 : validationSize;
    seed = seed == null ? 42L : seed;
    if (!List.of("auto", "binary", "multiclass", "classification", "regression").contains(task)) {
      throw new KilnException("parameter 'task' must be auto, binary, multiclass, classification"
          + " or regression, got '" + task + "'.", null);
    }
    if (!List.of("xgboost", "linear").contains(model)) {
      throw new KilnException("parameter 'model' must be xgboost or linear, got '" + model
          + "'.", null);
    }
    if (classWeight != null && !classWeight.equals("balanced")) {
      throw new KilnException("parameter 'class_weight' must be balanced, got '" + classWeight
          + "'.", "leave it out for equal weights");
    }
    if (rounds < 1 || earlyStoppingRounds < 0 || !(validationSize > 0 && validationSize < 1)) {
      throw new KilnException("parameters 'rounds' (>= 1), 'early_stopping_rounds' (>= 0) and"
          + " 'validation_size' (between 0 and 1) are out of range.", null);
    }
  }
}
