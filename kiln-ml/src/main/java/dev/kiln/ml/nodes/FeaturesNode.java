package dev.kiln.ml.nodes;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.FeatureTransforms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: features}: derived columns declared once as expressions over the raw record. Its
 * {@code transforms} output, given to {@code train} or {@code tune}, goes into the model's
 * preprocessing and so into the bundle: batch scoring and serving take the raw record and
 * compute the same columns with the same engine.
 */
public final class FeaturesNode implements NodeType {
  @Override
  public String name() {
    return "features";
  }

  @Override
  public String summary() {
    return "Derives columns from expressions; the bundle computes them from raw records.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the raw rows"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.optional("data", Frame.class, "the rows with the derived columns"),
        Port.optional("transforms", FeatureTransforms.class,
            "the transforms, for train's or tune's features input"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return FeaturesParams.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    FeatureTransforms transforms = call.parameters(FeaturesParams.class).transforms();
    Frame data = call.input("data", Frame.class);
    transforms.outputSchema(data.schema());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("transforms", transforms);
    if (call.outputs().contains("data")) {
      out.put("data", transforms.transform(data));
    }
    return out;
  }
}
