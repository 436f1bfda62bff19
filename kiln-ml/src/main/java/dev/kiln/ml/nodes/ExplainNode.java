package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Explainable;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code type: explain}: SHAP values of an XGBoost model (XGBoost's exact TreeSHAP
 * contributions) or a linear model (exact: coefficient times the distance from the training
 * mean) on rows of a frame, and their summary: the mean absolute SHAP value of each
 * model feature, largest first, as in {@code shap.summary_plot(plot_type="bar")}.
 */
public final class ExplainNode implements NodeType {
  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "SHAP values of an XGBoost or linear model and the mean |SHAP| per feature.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("model", TrainedModel.class, "an XGBoost or linear TrainedModel"),
        Port.required("data", Frame.class, "the rows to explain"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("summary", Frame.class, "feature, mean_abs_shap; largest first"),
        Port.optional("values", Frame.class, "per row: each feature's SHAP value and the bias"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return ExplainParams.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    ExplainParams p = call.parameters(ExplainParams.class);
    TrainedModel trained = call.input("model", TrainedModel.class);
    if (!(trained.model() instanceof Explainable model)) {
      throw new KilnException("explain needs an XGBoost or linear model; this one is "
          + trained.model().format() + ".", "train with 'model: xgboost' (the default)");
    }
    Frame data = sample(call.input("data", Frame.class), p);
    TrainingData x = trained.features(data);
    float[][] contributions = model.contributions(x.matrix().toDense(), x.rows());
    List<String> features = trained.model().featureNames();
    int width = features.size() + 1;
    int groups = contributions.length == 0 ? 1 : contributions[0].length / width;
    List<String> names = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (int f = 0; f < width; f++) {
        String base = f < features.size() ? features.get(f) : "bias";
        names.add(groups == 1 ? base : base + "_class" + g);
      }
    }
    double[][] values = new double[names.size()][x.rows()];
    double[] meanAbs = new double[features.size()];
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < names.size(); c++) {
        double v = contributions[r][c];
        values[c][r] = v;
        if (c % width < features.size()) {
          meanAbs[c % width] += Math.abs(v) / x.rows();
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("summary", summary(features, meanAbs));
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      columns.add(DoubleColumn.of(names.get(c), values[c]));
    }
    out.put("values", Frame.of(columns));
    return out;
  }

  private static Frame sample(Frame data, ExplainParams p) {
    if (data.rowCount() <= p.maxRows()) {
      return data;
    }
    int[] all = IntStream.range(0, data.rowCount()).toArray();
    SplittableRandom random = new SplittableRandom(p.seed());
    for (int i = 0; i < p.maxRows(); i++) {
      int j = i + random.nextInt(all.length - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] rows = Arrays.copyOf(all, p.maxRows());
    Arrays.sort(rows);
    return data.take(rows);
  }

  private static Frame summary(List<String> features, double[] meanAbs) {
    Integer[] order = IntStream.range(0, features.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -meanAbs[i]));
    String[] names = new String[order.length];
    double[] values = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      names[i] = features.get(order[i]);
      values[i] = meanAbs[order[i]];
    }
    return Frame.of(StringColumn.of("feature", names), DoubleColumn.of("mean_abs_shap", values));
  }
}
