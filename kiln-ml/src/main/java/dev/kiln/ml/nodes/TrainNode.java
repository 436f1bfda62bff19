package dev.kiln.ml.nodes;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.FittedStep;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: train}: fits the preprocessing (chosen from the column types unless given) and an
 * estimator (XGBoost or a linear baseline) on the training rows, with early stopping on
 * validation rows (bound, or held out from the training rows) and class weights.
 */
public final class TrainNode implements NodeType {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "Fits preprocessing and a model (XGBoost or linear) on the training rows.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the training rows"),
        Port.optional("validation", Frame.class, "rows for early stopping"),
        Port.optional("features", FeatureTransforms.class,
            "derived columns (a features node's transforms), computed from the raw inputs"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("model", TrainedModel.class, "the trained model"),
        Port.optional("history", Metrics.class, "the validation metric per boosting round"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return TrainParams.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    TrainParams p = call.parameters(TrainParams.class);
    Frame data = call.input("data", Frame.class);
    Task task = Targets.task(data, p.target(), p.task());
    List<String> inputs = inputs(data, p);
    Frame validation = call.has("validation") ? call.input("validation", Frame.class) : null;
    if (validation == null && p.earlyStoppingRounds() > 0) {
      FrameSplit parts = FrameSplit.of(data, task == Task.REGRESSION ? null : p.target(),
          p.validationSize(), p.seed() + 1);
      data = parts.train();
      validation = parts.test();
    }
    FittedPreprocessor fitted = fit(data.select(inputs), p, features(call));
    TrainingData fit = matrix(fitted, data, inputs, p.target());
    fit = ClassWeights.apply(fit, task, p.classWeight());
    TrainingData watch = validation == null ? null
        : matrix(fitted, validation, inputs, p.target());
    Map<String, Object> params = new LinkedHashMap<>(p.params());
    if (!fitted.categoricalFeatures().isEmpty()) {
      params.putIfAbsent(XGBoostEstimator.CATEGORICAL, fitted.categoricalFeatures());
    }
    Model model = Estimators.create(task, p, params).fit(fit, watch);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", new TrainedModel(p.target(), task, inputs, fitted, model));
    List<Double> history = model instanceof XGBoostModel x ? x.validationHistory() : List.of();
    out.put("history", Metrics.of(Map.of("rounds", (double) history.size()))
        .withHistory("validation", history));
    return out;
  }

  /** Returns the {@code features} input, or null when it is not bound. */
  static FeatureTransforms features(NodeCall call) {
    return call.has("features") ? call.input("features", FeatureTransforms.class) : null;
  }

  /**
   * Fits the preprocessing on the raw input columns: the derived columns first (when given),
   * then the steps (chosen from the column types after derivation unless declared).
   */
  static FittedPreprocessor fit(Frame raw, TrainParams p, FeatureTransforms features) {
    Frame derived = features == null ? raw : features.transform(raw);
    FittedPreprocessor steps = new Preprocessor(p.preprocessing() != null ? p.preprocessing()
        : AutoPreprocessing.steps(derived, p.model())).fit(derived);
    if (features == null) {
      return steps;
    }
    List<FittedStep> all = new ArrayList<>(List.of(features));
    all.addAll(steps.steps());
    return new FittedPreprocessor(all);
  }

  static List<String> inputs(Frame data, TrainParams p) {
    List<String> inputs = new ArrayList<>();
    for (String c : p.exclude()) {
      data.column(c);
    }
    for (String c : data.columnNames()) {
      if (!c.equals(p.target()) && !p.exclude().contains(c)) {
        inputs.add(c);
      }
    }
    return inputs;
  }

  static TrainingData matrix(FittedPreprocessor fitted, Frame rows, List<String> inputs,
      String target) {
    return TrainingData.of(fitted.encode(rows.select(inputs)).withColumn(rows.column(target)),
        target);
  }
}
