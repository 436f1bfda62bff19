package dev.kiln.ml.selection;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.tuning.Scoring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chooses between candidate estimators on validation rows: every configuration of every
 * candidate is trained on the training rows (XGBoost also watches the validation rows for early
 * stopping) and scored on the validation rows by one metric; each candidate keeps its best
 * configuration, and the candidate with the best score wins (the one listed first on a tie, so
 * list the simplest first). Configurations train in parallel on {@code workers} threads.
 *
 * @param task what the models predict
 * @param metric the validation score to maximise (pr_auc, roc_auc or neg_log_loss for binary
 *     tasks; neg_rmse or r2 for regression)
 * @param candidates the candidates, simplest first
 * @param workers configurations trained at once (at least 1)
 */
public record ModelSelection(Task task, Scoring metric, List<Candidate> candidates, int workers) {
  private static final Set<Scoring> BINARY = Set.of(Scoring.PR_AUC, Scoring.ROC_AUC,
      Scoring.NEG_LOG_LOSS);
  private static final Set<Scoring> REGRESSION = Set.of(Scoring.NEG_RMSE, Scoring.R2);

  /**
   * Validates the selection.
   *
   * @throws KilnException without candidates, with duplicate names, or with a metric that does
   *     not suit the task
   */
  public ModelSelection {
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new KilnException("A model selection needs at least one candidate.",
          "list candidates, e.g. a linear baseline and xgboost");
    }
    Set<String> names = new HashSet<>();
    for (Candidate c : candidates) {
      if (!names.add(c.name())) {
        throw new KilnException("Two model selection candidates are named '" + c.name() + "'.",
            "give each candidate its own name");
      }
    }
    boolean suits = task == Task.BINARY_CLASSIFICATION ? BINARY.contains(metric)
        : task == Task.REGRESSION && REGRESSION.contains(metric);
    if (!suits) {
      throw new KilnException("Metric '" + metric.name().toLowerCase(java.util.Locale.ROOT)
          + "' does not suit a " + task + " task.", task == Task.REGRESSION
          ? "use neg_rmse or r2" : "use pr_auc, roc_auc or neg_log_loss (binary tasks)");
    }
    workers = Math.max(1, workers);
  }

  /**
   * Trains and scores every configuration of every candidate.
   *
   * @throws KilnException if a configuration fails to train, naming the candidate and its
   *     parameters
   */
  public SelectionResult run(TrainingData train, TrainingData validation) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<List<Future<Scored>>> pending = new ArrayList<>();
      for (Candidate c : candidates) {
        List<Future<Scored>> fits = new ArrayList<>();
        for (Map<String, Object> config : c.configurations()) {
          fits.add(pool.submit(() -> fit(c, config, train, validation)));
        }
        pending.add(fits);
      }
      List<CandidateResult> results = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        List<Scored> scored = new ArrayList<>();
        for (Future<Scored> f : pending.get(i)) {
          scored.add(await(f, candidates.get(i)));
        }
        results.add(best(candidates.get(i), scored));
      }
      return new SelectionResult(metric, results);
    } finally {
      pool.shutdownNow();
    }
  }

  private record Scored(Map<String, Object> params, double score, Model model) {}

  private Scored fit(Candidate c, Map<String, Object> config, TrainingData train,
      TrainingData validation) {
    Model model = c.estimator(task, config).fit(train, validation);
    double score = metric.score(validation.labels(),
        model.predict(validation.matrix()));
    return new Scored(config, score, model);
  }

  /** The candidate's best configuration (the first on ties; NaN scores never win). */
  private static CandidateResult best(Candidate c, List<Scored> scored) {
    Scored best = scored.get(0);
    for (Scored s : scored) {
      if (Double.isNaN(best.score()) || s.score() > best.score()) {
        best = s;
      }
    }
    List<CandidateResult.Trial> trials = scored.stream()
        .map(s -> new CandidateResult.Trial(s.params(), s.score())).toList();
    return new CandidateResult(c.name(), c.model(), best.params(), best.score(), best.model(),
        trials);
  }

  private static Scored await(Future<Scored> future, Candidate c) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("Model selection interrupted.", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KilnException k) {
        throw k;
      }
      throw new KilnException("Candidate '" + c.name() + "' failed to train: "
          + cause.getMessage(), "check its params and search values", cause);
    }
  }
}
