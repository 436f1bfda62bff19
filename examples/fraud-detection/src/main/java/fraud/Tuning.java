package fraud;

import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.tuning.HyperparameterSearch;
import dev.kiln.ml.tuning.Scoring;
import dev.kiln.ml.tuning.SearchSpace;
import dev.kiln.ml.tuning.Trial;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The optional tuning node: grid search over XGBoost parameters by cross-validation. */
public final class Tuning {
  private Tuning() {}

  /**
   * The search's results: each configuration's mean and std, best first.
   *
   * @param scoring the score maximised
   * @param trials the trials, best first
   */
  public record Results(String scoring, List<Trial> trials) {}

  /**
   * Searches the space on a stratified sample of the scaled training rows, starting from the
   * model selection's XGBoost candidate's parameters.
   */
  public static Results tune(Frame train, String preprocessorJson, String label,
      SelectionOptions selection, TuningOptions options) {
    Map<String, Object> base = new HashMap<>(selection.xgboost().params());
    base.remove("scale_pos_weight");
    Frame scaled = FittedPreprocessor.fromJson(preprocessorJson).transform(train);
    double share = Math.min(1.0, (double) options.sampleRows() / scaled.rowCount());
    Frame sample = share >= 1.0 ? scaled : FrameSplit.of(scaled, label, share, 11).test();
    TrainingData data = TrainingData.of(sample, label);
    HyperparameterSearch search = new HyperparameterSearch(params -> {
      Map<String, Object> all = new HashMap<>(base);
      all.putAll(params);
      return new XGBoostEstimator(Task.BINARY_CLASSIFICATION, all, options.rounds(), 0);
    }, Scoring.parse(options.scoring()), options.folds(), options.workers());
    HyperparameterSearch.Result result = search.run(new SearchSpace(options.space()).grid(),
        data, 5, true);
    System.out.print(result.toTable());
    return new Results(options.scoring(), result.trials());
  }
}
