package dev.kiln.core.nodes;

import dev.kiln.core.pipeline.NodeContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One execution of a built-in node: its declaration's name, typed parameters and loaded inputs.
 *
 * @param node the node's name
 * @param parameters the parameters, of the type's {@link NodeType#parameters()} class
 * @param inputs the loaded inputs by port name (for a {@link Port#many} port: by the name the
 *     declaration gave)
 * @param outputs the output ports the declaration binds; others need not be computed
 * @param context the run, for lineage
 */
public record NodeCall(String node, Object parameters, Map<String, Object> inputs,
    Set<String> outputs, NodeContext context) {

  /** Copies the collections. */
  public NodeCall {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = Set.copyOf(outputs);
  }

  /** Returns the parameters as their type. */
  public <P> P parameters(Class<P> type) {
    return type.cast(parameters);
  }

  /**
   * Returns an input.
   *
   * @throws IllegalStateException if a required port has no value (the loader prevents it)
   */
  public <T> T input(String port, Class<T> type) {
    return type.cast(inputs.get(port));
  }

  /** Returns whether an optional input is bound. */
  public boolean has(String port) {
    return inputs.containsKey(port);
  }
}
