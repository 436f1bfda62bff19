package dev.kiln.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Applies a {@link Reuse} to a pipeline's nodes (Kedro's modular pipeline semantics). */
final class Namespacer {
  private final Reuse reuse;
  private final Map<String, String> parameters = new TreeMap<>();

  private Namespacer(Reuse reuse) {
    this.reuse = reuse;
    reuse.parameters().forEach((k, v) -> parameters.put(asParam(k), asParam(v)));
  }

  static List<Node> apply(Pipeline pipeline, Reuse reuse) {
    Namespacer namespacer = new Namespacer(reuse);
    namespacer.checkMappings(pipeline);
    List<Node> result = new ArrayList<>();
    for (Node node : pipeline.nodes()) {
      result.add(node.rebound(namespacer.prefix(node.name()), namespacer.nodeNamespace(node),
          namespacer.rebind(node.inputBindings()), namespacer.rebind(node.outputBindings())));
    }
    return result;
  }

  private void checkMappings(Pipeline pipeline) {
    Names.requireKnown("Reuse maps inputs that are not free inputs of the pipeline:",
        reuse.inputs().keySet(), pipeline.inputs());
    Set<String> produced = new TreeSet<>();
    pipeline.nodes().forEach(n -> n.outputs().forEach(o -> produced.add(o.name())));
    Names.requireKnown("Reuse maps outputs that no node of the pipeline produces:",
        reuse.outputs().keySet(), produced);
    Set<String> params = new TreeSet<>();
    pipeline.datasets().stream().filter(DatasetRef::isParameter).forEach(params::add);
    Names.requireKnown("Reuse maps parameters that the pipeline does not read:",
        parameters.keySet(), params);
  }

  private List<Node.Binding> rebind(List<Node.Binding> bindings) {
    return bindings.stream().map(b -> new Node.Binding(b.declared(), rename(b.dataset()))).toList();
  }

  private String rename(String dataset) {
    if (reuse.inputs().containsKey(dataset)) {
      return reuse.inputs().get(dataset);
    }
    if (reuse.outputs().containsKey(dataset)) {
      return reuse.outputs().get(dataset);
    }
    if (DatasetRef.isParameter(dataset)) {
      if (parameters.containsKey(dataset)) {
        return parameters.get(dataset);
      }
      return "parameters".equals(dataset) || reuse.namespace() == null ? dataset
          : DatasetRef.PARAMS_PREFIX + prefix(dataset.substring(DatasetRef.PARAMS_PREFIX.length()));
    }
    return prefix(dataset);
  }

  private String prefix(String name) {
    return reuse.namespace() == null ? name : reuse.namespace() + "." + name;
  }

  private String nodeNamespace(Node node) {
    if (reuse.namespace() == null) {
      return node.namespace().orElse(null);
    }
    return node.namespace().map(this::prefix).orElse(reuse.namespace());
  }

  private static String asParam(String name) {
    return DatasetRef.isParameter(name) ? name : DatasetRef.PARAMS_PREFIX + name;
  }
}
