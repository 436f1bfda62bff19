package dev.kiln.ml.nodes;

import dev.kiln.core.BadInputException;
import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.selection.Candidate;
import dev.kiln.ml.selection.CandidateResult;
import dev.kiln.ml.selection.ModelSelection;
import dev.kiln.ml.selection.SelectionReport;
import dev.kiln.ml.selection.SelectionResult;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.tuning.Scoring;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code type: select}: compares candidate models (e.g. the linear baseline and XGBoost, each
 * lightly tuned over a small grid) on validation rows with kiln-ml's {@link ModelSelection} and
 * passes the better one on as a {@link TrainedModel}; the report holds every configuration's
 * score, and, when test rows are bound, every candidate's test score so the choice can be
 * checked (the test rows never influence it).
 */
public final class SelectNode implements NodeType {
  private static final String SCALE = "scale_pos_weight";

  @Override
  public String name() {
    return "select";
  }

  @Override
  public String summary() {
    return "Compares candidate models on validation rows and keeps the better one.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the training rows"),
        Port.optional("validation", Frame.class, "rows the candidates are compared on"),
        Port.optional("test", Frame.class, "held-out rows every candidate is also scored on,"
            + " for the report only"),
        Port.optional("features", FeatureTransforms.class,
            "derived columns (a features node's transforms), computed from the raw inputs"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("model", TrainedModel.class, "the chosen candidate's model"),
        Port.optional("report", SelectionReport.class, "every candidate's configurations and"
            + " scores, the chosen one"),
        Port.optional("metrics", Metrics.class, "<candidate>.validation_<metric> (and test_),"
            + " XGBoost's validation metric per round"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return SelectParams.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    SelectParams p = call.parameters(SelectParams.class);
    TrainParams base = p.train();
    Frame data = call.input("data", Frame.class);
    Task task = Targets.task(data, p.target(), p.task());
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      throw new BadInputException("select compares binary classifiers and"
          + " regressions; target '"
          + p.target() + "' has more than two classes.", "train it with the train node");
    }
    Scoring metric = metric(p.metric(), task);
    List<String> inputs = TrainNode.inputs(data, base);
    Frame validation = call.has("validation") ? call.input("validation", Frame.class) : null;
    if (validation == null) {
      FrameSplit parts = FrameSplit.of(data, task == Task.REGRESSION ? null : p.target(),
          p.validationSize(), p.seed() + 1);
      data = parts.train();
      validation = parts.test();
    }
    FittedPreprocessor fitted = TrainNode.fit(data.select(inputs), base,
        TrainNode.features(call));
    TrainingData fit = ClassWeights.apply(TrainNode.matrix(fitted, data, inputs, p.target()),
        task, p.classWeight());
    TrainingData watch = TrainNode.matrix(fitted, validation, inputs, p.target());
    List<Candidate> candidates = new ArrayList<>();
    for (Candidate c : p.candidates()) {
      candidates.add(resolve(c, fit, fitted, p.seed()));
    }
    SelectionResult result = new ModelSelection(task, metric, candidates, p.workers())
        .run(fit, watch);
    System.out.print(result.toTable());
    Map<String, Double> values = new LinkedHashMap<>(result.toMetrics());
    SelectionReport report = result.toReport();
    if (call.has("test")) {
      TrainingData test = TrainNode.matrix(fitted, call.input("test", Frame.class), inputs,
          p.target());
      report = report.withTestScores(testScores(result, test, values));
    }
    Metrics metrics = Metrics.of(values);
    for (CandidateResult c : result.candidates()) {
      if (c.fitted() instanceof XGBoostModel x && !x.validationHistory().isEmpty()) {
        metrics = metrics.withHistory(c.name() + ".validation", x.validationHistory());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", new TrainedModel(p.target(), task, inputs, fitted, result.model()));
    out.put("report", report);
    out.put("metrics", metrics);
    return out;
  }

  private static Scoring metric(String name, Task task) {
    if (name == null) {
      return task == Task.REGRESSION ? Scoring.NEG_RMSE : Scoring.ROC_AUC;
    }
    Scoring s = Scoring.parse(name);
    boolean regression = s == Scoring.NEG_RMSE || s == Scoring.R2;
    if (regression != (task == Task.REGRESSION)) {
      throw new BadInputException("metric '" + name + "' does not fit a " + task.name()
          .toLowerCase(Locale.ROOT).replace('_', ' ') + " task.", regression
          ? "use roc_auc, pr_auc or neg_log_loss" : "use neg_rmse or r2");
    }
    return s;
  }

  /**
   * Returns the candidate as trained here: XGBoost gets the node's seed and the categorical
   * features unless it sets them, and {@code scale_pos_weight: auto} the class ratio.
   */
  private static Candidate resolve(Candidate c, TrainingData fit, FittedPreprocessor fitted,
      long seed) {
    if (!c.model().equals("xgboost")) {
      return c;
    }
    double ratio = negativesPerPositive(fit);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("seed", seed);
    if (!fitted.categoricalFeatures().isEmpty()) {
      params.put(XGBoostEstimator.CATEGORICAL, fitted.categoricalFeatures());
    }
    params.putAll(c.params());
    params.replaceAll((k, v) -> auto(k, v, ratio));
    Map<String, List<Object>> search = new LinkedHashMap<>();
    c.search().forEach((k, values) -> search.put(k, values.stream()
        .map(v -> auto(k, v, ratio)).toList()));
    return new Candidate(c.name(), c.model(), params, search, c.rounds(),
        c.earlyStoppingRounds());
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

  /** Scores every candidate on the test rows, adding {@code <name>.test_<metric>}. */
  private static double[] testScores(SelectionResult result, TrainingData test,
      Map<String, Double> values) {
    String key = result.metric().name().toLowerCase(Locale.ROOT);
    double[] scores = new double[result.candidates().size()];
    for (int i = 0; i < scores.length; i++) {
      CandidateResult c = result.candidates().get(i);
      scores[i] = result.metric().score(test.labels(),
          c.fitted().predict(test.matrix()));
      if (!Double.isNaN(scores[i])) {
        values.put(c.name() + ".test_" + key, scores[i]);
      }
      System.out.printf(Locale.ROOT, "candidate %-12s test %s %s%n", c.name(), key,
          Double.isNaN(scores[i]) ? "undefined" : String.format(Locale.ROOT, "%.4f", scores[i]));
    }
    return scores;
  }
}
