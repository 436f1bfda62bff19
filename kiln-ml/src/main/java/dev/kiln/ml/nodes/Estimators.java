package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Task;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the estimator the {@code train} and {@code tune} nodes' parameters ask for. */
final class Estimators {
  private Estimators() {}

  static Estimator create(Task task, TrainParams p, Map<String, Object> params) {
    if (p.model().equals("linear")) {
      Object l2 = params.getOrDefault("l2", 1.0);
      Object iterations = params.getOrDefault("max_iter", 100);
      if (!(l2 instanceof Number) || !(iterations instanceof Number)) {
        throw new KilnException("linear parameters 'l2' and 'max_iter' must be numbers.", null);
      }
      return new LinearEstimator(task, ((Number) l2).doubleValue(),
          ((Number) iterations).intValue());
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("seed", p.seed());
    all.putAll(params);
    return new XGBoostEstimator(task, all, p.rounds(), p.earlyStoppingRounds());
  }
}
