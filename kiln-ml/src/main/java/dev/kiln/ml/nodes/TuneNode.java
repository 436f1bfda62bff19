package dev.kiln.ml.nodes;

import dev.kiln.core.BadInputException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Estimator;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.tuning.HyperparameterSearch;
import dev.kiln.ml.tuning.Scoring;
import dev.kiln.ml.tuning.SearchSpace;
import dev.kiln.ml.tuning.Trial;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code type: tune}: grid or random search over estimator parameters, each configuration scored
 * by K-fold cross-validation on the training rows; the best is refitted on all of them.
 */
public final class TuneNode implements NodeType {
  @Override
  public String name() {
    return "tune";
  }

  @Override
  public String summary() {
    return "Searches estimator parameters by cross-validation and refits the best.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the training rows"),
        Port.optional("features", FeatureTransforms.class,
            "derived columns (a features node's transforms), computed from the raw inputs"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("model", TrainedModel.class, "the best configuration, refitted"),
        Port.optional("results", Metrics.class, "the best mean and std score and trial count"),
        Port.optional("trials", Frame.class, "every configuration's scores, best first"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return TuneParams.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    TuneParams p = call.parameters(TuneParams.class);
    Frame data = call.input("data", Frame.class);
    TrainParams base = p.train(p.rounds());
    Task task = Targets.task(data, p.target(), p.task());
    Scoring scoring = scoring(p.scoring(), task);
    List<String> inputs = TrainNode.inputs(data, base);
    FittedPreprocessor fitted = TrainNode.fit(data.select(inputs), base,
        TrainNode.features(call));
    TrainingData matrix = ClassWeights.apply(TrainNode.matrix(fitted, data, inputs, p.target()),
        task, p.classWeight());
    SearchSpace space = new SearchSpace(p.search());
    List<Map<String, Object>> configs = p.method().equals("grid") ? space.grid()
        : space.sample(p.nIter(), base.seed());
    HyperparameterSearch search = new HyperparameterSearch(c -> estimator(task, p, fitted, c),
        scoring, p.folds(), p.workers());
    HyperparameterSearch.Result result = search.run(configs, matrix, base.seed(),
        task != Task.REGRESSION);
    Model best = result.best();
    Trial top = result.trials().get(0);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", new TrainedModel(p.target(), task, inputs, fitted, best));
    out.put("results", Metrics.of(Map.of("best_" + scoring.name().toLowerCase(Locale.ROOT), top.mean(),
        "best_std", top.std(), "trials", (double) result.trials().size())));
    out.put("trials", trials(result.trials(), p.search().keySet()));
    return out;
  }

  private static Estimator estimator(Task task, TuneParams p,
      FittedPreprocessor fitted, Map<String, Object> config) {
    Map<String, Object> params = new LinkedHashMap<>(p.train(p.rounds()).params());
    params.putAll(config);
    Object rounds = params.remove("rounds");
    if (rounds != null && !(rounds instanceof Number)) {
      throw new BadInputException("searched 'rounds' must be numbers, got '" + rounds + "'.",
          null);
    }
    if (!fitted.categoricalFeatures().isEmpty()) {
      params.putIfAbsent(XGBoostEstimator.CATEGORICAL,
          fitted.categoricalFeatures());
    }
    TrainParams t = p.train(rounds == null ? p.rounds() : ((Number) rounds).intValue());
    return Estimators.create(task, t, params);
  }

  private static Scoring scoring(String name, Task task) {
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      throw new BadInputException("tune scores binary classifiers and regressions;"
          + " this target has"
          + " more than two classes.", "train a multiclass model with the train node");
    }
    Scoring s = name == null ? (task == Task.REGRESSION ? Scoring.NEG_RMSE : Scoring.ROC_AUC)
        : Scoring.parse(name);
    boolean regression = s == Scoring.NEG_RMSE || s == Scoring.R2;
    if (regression != (task == Task.REGRESSION)) {
      throw new BadInputException("scoring '" + name + "' does not fit a " + task.name()
          .toLowerCase(Locale.ROOT).replace('_', ' ') + " task.", regression
          ? "use roc_auc, pr_auc or neg_log_loss" : "use neg_rmse or r2");
    }
    return s;
  }

  private static Frame trials(List<Trial> trials, Iterable<String> names) {
    int n = trials.size();
    double[] rank = new double[n];
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int i = 0; i < n; i++) {
      rank[i] = i + 1;
      mean[i] = trials.get(i).mean();
      std[i] = trials.get(i).std();
    }
    List<Column> columns = new ArrayList<>(List.of(DoubleColumn.of("rank", rank),
        DoubleColumn.of("mean_score", mean), DoubleColumn.of("std_score", std)));
    for (String name : names) {
      boolean numbers = trials.stream().allMatch(t -> t.params().get(name) instanceof Number);
      double[] nums = new double[n];
      String[] text = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = trials.get(i).params().get(name);
        nums[i] = numbers ? ((Number) v).doubleValue() : 0;
        text[i] = String.valueOf(v);
      }
      columns.add(numbers ? DoubleColumn.of("param_" + name, nums)
          : StringColumn.of("param_" + name, text));
    }
    return Frame.of(columns);
  }
}
