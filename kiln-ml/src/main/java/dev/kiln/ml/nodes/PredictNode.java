package dev.kiln.ml.nodes;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.LoadedBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type: predict}: batch scoring with a bundle (a {@code model_bundle} dataset): the rows
 * with the bundle's prediction columns appended, checked against its input schema.
 */
public final class PredictNode implements NodeType {
  /** No parameters. */
  public record Params() {}

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String summary() {
    return "Scores rows with a model bundle, appending the prediction columns.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("bundle", LoadedBundle.class, "the bundle (model_bundle)"),
        Port.required("data", Frame.class, "the rows to score"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("predictions", Frame.class, "the rows plus the predictions"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Frame data = call.input("data", Frame.class);
    List<Column> columns = new ArrayList<>(data.columns());
    columns.addAll(call.input("bundle", LoadedBundle.class).predict(data).columns());
    return Map.of("predictions", Frame.of(columns));
  }
}
