package dev.kiln.core.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * How to reuse a pipeline as a module: a namespace that prefixes node names and internal dataset
 * and parameter names, and mappings that connect the module's free inputs, outputs and parameters
 * to names outside it. Mapped names are not prefixed.
 *
 * <pre>{@code
 * Pipeline eu = training.reuse(Reuse.namespace("eu")
 *     .withInputs(Map.of("features", "eu_features"))
 *     .withParameters(Map.of("params:model", "params:eu_model")));
 * }</pre>
 *
 * @param namespace the namespace, or null to only remap names
 * @param inputs free input name inside the module to name outside
 * @param outputs output name inside the module to name outside
 * @param parameters parameter name ({@code params:x}) inside to name outside
 */
public record Reuse(String namespace, Map<String, String> inputs, Map<String, String> outputs,
    Map<String, String> parameters) {

  /** Copies the mappings, sorted by key. */
  public Reuse {
    inputs = Map.copyOf(new TreeMap<>(inputs));
    outputs = Map.copyOf(new TreeMap<>(outputs));
    parameters = Map.copyOf(new TreeMap<>(parameters));
  }

  /** Starts a reuse under a namespace, with no remapping. */
  public static Reuse namespace(String namespace) {
    return new Reuse(namespace, Map.of(), Map.of(), Map.of());
  }

  /** Starts a reuse without a namespace, for remapping only. */
  public static Reuse remap() {
    return new Reuse(null, Map.of(), Map.of(), Map.of());
  }

  /** Returns a copy with these input mappings. */
  public Reuse withInputs(Map<String, String> mapping) {
    return new Reuse(namespace, mapping, outputs, parameters);
  }

  /** Returns a copy with these output mappings. */
  public Reuse withOutputs(Map<String, String> mapping) {
    return new Reuse(namespace, inputs, mapping, parameters);
  }

  /** Returns a copy with these parameter mappings; keys and values may omit {@code params:}. */
  public Reuse withParameters(Map<String, String> mapping) {
    return new Reuse(namespace, inputs, outputs, mapping);
  }
}
