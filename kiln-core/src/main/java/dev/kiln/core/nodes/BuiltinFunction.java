package dev.kiln.core.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Inputs;
import dev.kiln.core.pipeline.NodeFunction;
import dev.kiln.core.pipeline.Outputs;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a built-in node type with the inputs and parameters its declaration binds. */
final class BuiltinFunction implements NodeFunction {
  private final String node;
  private final NodeType type;
  private final Map<String, DatasetRef<?>> inputs;
  private final Map<String, DatasetRef<?>> outputs;
  private final ParameterSource parameters;

  BuiltinFunction(String node, NodeType type, Map<String, DatasetRef<?>> inputs,
      Map<String, DatasetRef<?>> outputs, ParameterSource parameters) {
    this.node = node;
    this.type = type;
    this.inputs = inputs;
    this.outputs = outputs;
    this.parameters = parameters;
  }

  @Override
  public Outputs apply(Inputs in) throws Exception {
    Object params = parameters.convert(type.parameters(),
        key -> in.get(DatasetRef.param(key, Object.class)));
    Map<String, Object> values = new LinkedHashMap<>();
    inputs.forEach((port, ref) -> values.put(port, in.get(ref)));
    Map<String, Object> result = type.run(new NodeCall(node, params, values, outputs.keySet(),
        in.context()));
    Outputs out = Outputs.none();
    for (Map.Entry<String, DatasetRef<?>> e : outputs.entrySet()) {
      Object value = result.get(e.getKey());
      if (value == null) {
        throw new KilnException("Node type '" + type.name() + "' returned no '" + e.getKey()
            + "' output.", "this is a bug in the node type");
      }
      out = and(out, e.getValue(), value);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> Outputs and(Outputs out, DatasetRef<T> ref, Object value) {
    return out.and(ref, (T) ref.type().cast(value));
  }
}
