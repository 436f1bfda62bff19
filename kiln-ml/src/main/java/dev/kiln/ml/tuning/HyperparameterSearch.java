package dev.kiln.ml.tuning;

import dev.kiln.core.KilnException;
import dev.kiln.core.progress.Progress;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Model;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.split.Split;
import dev.kiln.ml.split.Splits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Grid or random search scored by (stratified, for classification) K-fold cross-validation, with
 * the folds of all configurations run in parallel on a pool of threads; the best configuration is
 * refitted on all the data. Configurations whose mean score is undefined (NaN, e.g. PR-AUC on folds
 * without positives) rank last.
 *
 * @param estimators builds an estimator from a configuration
 * @param scoring how folds are scored (higher is better)
 * @param folds the number of folds
 * @param workers threads running folds at once
 */
public record HyperparameterSearch(Function<Map<String, Object>, Estimator> estimators,
    Scoring scoring, int folds, int workers) {

  /** The outcome: every trial, best first, and the refitted best model. */
  public record Result(List<Trial> trials, Model best) {
    /** Returns the trials as an aligned text table (mean, std, parameters). */
    public String toTable() {
      StringBuilder out = new StringBuilder(String.format("%-4s %10s %10s  %s%n", "rank",
          "mean", "std", "params"));
      for (int i = 0; i < trials.size(); i++) {
        Trial t = trials.get(i);
        out.append(String.format(Locale.ROOT, "%-4d %10.5f %10.5f  %s%n", i + 1, t.mean(),
            t.std(), t.params()));
      }
      return out.toString();
    }
  }

  /**
   * Scores each configuration by cross-validation and refits the best on all the data.
   *
   * @param stratify whether folds keep the class proportions (classification)
   * @throws KilnException if a fold fails to train or score
   */
  public Result run(List<Map<String, Object>> configurations, TrainingData data, long seed,
      boolean stratify) {
    List<Split> splits = Splits.kFold(data.rows(), folds, seed,
        stratify ? data.classLabels() : null);
    List<Trial> trials = crossValidate(configurations, data, splits);
    trials.sort(Comparator.comparing((Trial t) -> Double.isNaN(t.mean()))
        .thenComparing(Comparator.comparingDouble(Trial::mean).reversed()));
    Model best = estimators.apply(trials.get(0).params()).fit(data, null);
    return new Result(List.copyOf(trials), best);
  }

  /** Scores every configuration on every fold, on the pool; a progress task counts the fits. */
  private List<Trial> crossValidate(List<Map<String, Object>> configurations, TrainingData data,
      List<Split> splits) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
    try (Progress fits = Progress.start("cross-validate", (long) configurations.size()
        * splits.size(), "fits")) {
      List<List<Future<Double>>> pending = new ArrayList<>();
      for (Map<String, Object> config : configurations) {
        List<Future<Double>> fs = new ArrayList<>();
        for (Split split : splits) {
          fs.add(pool.submit(() -> {
            double score = scoreFold(config, data, split);
            fits.step(1);
            return score;
          }));
        }
        pending.add(fs);
      }
      List<Trial> trials = new ArrayList<>();
      for (int c = 0; c < configurations.size(); c++) {
        double[] scores = new double[splits.size()];
        for (int f = 0; f < scores.length; f++) {
          scores[f] = await(pending.get(c).get(f), configurations.get(c));
        }
        trials.add(new Trial(configurations.get(c), scores));
      }
      return trials;
    } finally {
      pool.shutdownNow();
    }
  }

  private double scoreFold(Map<String, Object> config, TrainingData data, Split split) {
    TrainingData train = data.take(split.train());
    TrainingData test = data.take(split.test());
    Model model = estimators.apply(config).fit(train, null);
    return scoring.score(test.labels(), model.predict(test.matrix()));
  }

  private static double await(Future<Double> future, Map<String, Object> config) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("Search interrupted.", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new KilnException("Configuration " + config + " failed: " + cause.getMessage(),
          "check the search space values", cause);
    }
  }
}
