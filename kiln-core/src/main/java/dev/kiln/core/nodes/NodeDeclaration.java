package dev.kiln.core.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.ConfigMaps;
import dev.kiln.core.config.YamlNode;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Names;
import dev.kiln.core.pipeline.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one node of {@code pipelines.yml} into a {@link Node}: checks its keys, binds its inputs
 * and outputs to the type's ports, converts its parameters (inline values, and {@code params:}
 * references read from the parameters at run time), and reports every problem with file and line.
 */
final class NodeDeclaration {
  private static final List<String> KEYS = List.of("type", "inputs", "outputs", "params", "tags");

  private final String name;
  private final YamlNode yaml;
  private final NodeType type;
  private final Map<String, Object> parameters;

  private NodeDeclaration(String name, YamlNode yaml, NodeType type,
      Map<String, Object> parameters) {
    this.name = name;
    this.yaml = yaml;
    this.type = type;
    this.parameters = parameters;
  }

  /**
   * Builds the node.
   *
   * @param parameters the project's parameters, to check {@code params:} references early
   * @throws ConfigException naming the file, line and key of the problem
   */
  static Node build(String name, YamlNode yaml, NodeTypes types, Map<String, Object> parameters) {
    Map<String, YamlNode> keys = yaml.map("node '" + name + "'");
    for (Map.Entry<String, YamlNode> e : keys.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw e.getValue().error("node '" + name + "' has unknown key '" + e.getKey() + "'.",
            Names.closest(e.getKey(), KEYS).map(c -> "did you mean '" + c + "'? ").orElse("")
                + "a node has " + Names.quoted(KEYS));
      }
    }
    YamlNode typeNode = keys.get("type");
    if (typeNode == null) {
      throw yaml.error("node '" + name + "' has no 'type'.", "add e.g. 'type: train'; 'kiln"
          + " nodes' lists the built-in types");
    }
    NodeType type;
    try {
      type = types.get(typeNode.text("type"));
    } catch (ConfigException e) {
      throw e;
    } catch (KilnException e) {
      throw typeNode.error("node '" + name + "': " + e.getMessage(), e.hint().orElse(null));
    }
    return new NodeDeclaration(name, yaml, type, parameters).node(keys);
  }

  private Node node(Map<String, YamlNode> keys) {
    Map<String, String> inputs = PortBinding.bind(name, "inputs", keys.get("inputs"),
        type.inputs(), yaml);
    Map<String, String> outputs = PortBinding.bind(name, "outputs", keys.get("outputs"),
        type.outputs(), yaml);
    ParameterSource params = ParameterSource.of(keys.get("params"), yaml);
    check(params, inputs);
    Node.Builder builder = Node.builder(name).source(yaml.where());
    Map<String, DatasetRef<?>> inRefs = new LinkedHashMap<>();
    inputs.forEach((port, dataset) -> inRefs.put(port, DatasetRef.of(dataset, portType(port,
        type.inputs()))));
    Map<String, DatasetRef<?>> outRefs = new LinkedHashMap<>();
    outputs.forEach((port, dataset) -> outRefs.put(port, DatasetRef.of(dataset, portType(port,
        type.outputs()))));
    inRefs.values().forEach(builder::inputs);
    params.references().forEach(builder::inputs);
    outRefs.values().forEach(builder::outputs);
    if (keys.containsKey("tags")) {
      keys.get("tags").list("tags").forEach(t -> builder.tags(t.text("tags")));
    }
    builder.version(version(keys));
    return builder.run(new BuiltinFunction(name, type, inRefs, outRefs, params));
  }

  /** Converts the parameters now (references read from the project's parameters) and checks. */
  private void check(ParameterSource params, Map<String, String> inputs) {
    Object converted;
    try {
      converted = params.convert(type.parameters(), key -> ConfigMaps.get(parameters, key));
    } catch (NodeParameters.Invalid e) {
      YamlNode at = params.locate(e.key());
      throw at.error("node '" + name + "' (type '" + type.name() + "'): " + e.getMessage(),
          e.hint().orElse(null));
    }
    try {
      type.check(converted, inputs);
    } catch (KilnException e) {
      throw params.locate(null).error("node '" + name + "' (type '" + type.name() + "'): "
          + e.getMessage(), e.hint().orElse(null));
    }
  }

  private static Class<?> portType(String key, List<Port> ports) {
    for (Port p : ports) {
      if (p.name().equals(key)) {
        return p.type();
      }
    }
    return ports.stream().filter(Port::many).findFirst().orElseThrow().type();
  }

  /** The code version: the type, the code that implements it, and the declaration itself. */
  private String version(Map<String, YamlNode> keys) {
    Map<String, Object> declared = new LinkedHashMap<>();
    keys.forEach((k, v) -> declared.put(k, v.plain()));
    return "builtin:" + type.name() + ":" + ContentHash.of(CodeStamp.of(type.getClass())
        + "\n" + declared).substring(0, 16);
  }
}
