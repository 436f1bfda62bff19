package dev.kiln.core.nodes;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.YamlNode;
import dev.kiln.core.pipeline.Names;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineException;
import dev.kiln.core.pipeline.Reuse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pipelines a project declares in {@code conf/base/pipelines*.yml} (an environment's
 * {@code conf/<env>/pipelines*.yml} replaces pipelines of the same name). Each top-level key is a
 * pipeline: a mapping with {@code nodes} (node name to declaration) and {@code include} (other
 * pipelines, YAML or Java, by name or as {@code {pipeline, namespace, inputs, outputs,
 * parameters}}), or just a list of pipelines to include.
 */
public final class YamlPipelines {
  private static final List<String> KEYS = List.of("nodes", "include");
  private static final List<String> REUSE_KEYS = List.of("pipeline", "namespace", "inputs",
      "outputs", "parameters");

  private final Map<String, YamlNode> declared;
  private final Map<String, Pipeline> java;
  private final NodeTypes types;
  private final Map<String, Object> parameters;
  private final Map<String, Pipeline> built = new TreeMap<>();
  private final Set<String> building = new LinkedHashSet<>();

  private YamlPipelines(Map<String, YamlNode> declared, Map<String, Pipeline> java,
      NodeTypes types, Map<String, Object> parameters) {
    this.declared = declared;
    this.java = java;
    this.types = types;
    this.parameters = parameters;
  }

  /** Reads the declarations of a project for an environment; empty if there are none. */
  public static Map<String, YamlNode> read(Path projectDir, String env) {
    Map<String, YamlNode> result = new LinkedHashMap<>(readFolder(projectDir.resolve("conf/base")));
    result.putAll(readFolder(projectDir.resolve("conf").resolve(env)));
    return result;
  }

  private static Map<String, YamlNode> readFolder(Path dir) {
    Map<String, YamlNode> result = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(YamlPipelines::isPipelineFile).sorted().toList()) {
        YamlNode.read(f).map(f.toString()).forEach((name, value) -> {
          if (result.put(name, value) != null) {
            throw value.error("pipeline '" + name + "' is declared twice in " + dir + ".",
                "keep one declaration per environment folder");
          }
        });
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot list '" + dir + "': " + e.getMessage(), null, e);
    }
    return result;
  }

  private static boolean isPipelineFile(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("pipelines") && (n.endsWith(".yml") || n.endsWith(".yaml"));
  }

  /**
   * Builds the declared pipelines, which may include each other and the project's Java ones.
   *
   * @param java the pipelines of the project's Java registry (none if it has no Java)
   * @param parameters the project's parameters, to check {@code params:} references early
   * @throws ConfigException naming the file and line of a bad declaration; graph problems
   *     (cycles, a dataset produced twice, type mismatches) name the nodes and their lines
   */
  public static Map<String, Pipeline> build(Map<String, YamlNode> declared,
      Map<String, Pipeline> java, NodeTypes types, Map<String, Object> parameters) {
    YamlPipelines builder = new YamlPipelines(declared, java, types, parameters);
    for (Map.Entry<String, YamlNode> e : declared.entrySet()) {
      if (java.containsKey(e.getKey())) {
        throw e.getValue().error("pipeline '" + e.getKey() + "' is declared in YAML and by the"
            + " Java registry.", "rename one of them");
      }
      builder.pipeline(e.getKey(), e.getValue());
    }
    return builder.built;
  }

  private Pipeline pipeline(String name, YamlNode at) {
    Pipeline done = built.containsKey(name) ? built.get(name) : java.get(name);
    if (done != null) {
      return done;
    }
    YamlNode yaml = declared.get(name);
    if (yaml == null) {
      Set<String> known = new java.util.TreeSet<>(declared.keySet());
      known.addAll(java.keySet());
      throw at.error("pipeline '" + name + "' is not declared.", Names.closest(name, known)
          .map(c -> "did you mean '" + c + "'? ").orElse("") + "pipelines are "
          + Names.quoted(known));
    }
    if (!building.add(name)) {
      throw at.error("pipelines include each other: " + String.join(" -> ", building) + " -> "
          + name + ".", "a pipeline cannot include itself, directly or not");
    }
    List<Pipeline> parts = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    if (yaml.isList()) {
      yaml.list(name).forEach(item -> parts.add(include(item)));
    } else {
      Map<String, YamlNode> keys = yaml.map("pipeline '" + name + "'");
      keys.forEach((k, v) -> {
        if (!KEYS.contains(k)) {
          throw v.error("pipeline '" + name + "' has unknown key '" + k + "'.", Names.closest(k,
              KEYS).map(c -> "did you mean '" + c + "'? ").orElse("") + "a pipeline has 'nodes'"
              + " (name: {type, inputs, outputs, params, tags}) and 'include' (pipelines)");
        }
      });
      if (keys.containsKey("include")) {
        keys.get("include").list("include").forEach(item -> parts.add(include(item)));
      }
      if (keys.containsKey("nodes")) {
        keys.get("nodes").map("nodes").forEach((n, decl) ->
            nodes.add(NodeDeclaration.build(n, decl, types, parameters)));
      }
    }
    Pipeline result = compose(yaml, nodes, parts);
    building.remove(name);
    built.put(name, result);
    return result;
  }

  private Pipeline include(YamlNode item) {
    if (!item.isMap()) {
      return pipeline(item.text("include"), item);
    }
    Map<String, YamlNode> keys = item.map("include");
    keys.forEach((k, v) -> {
      if (!REUSE_KEYS.contains(k)) {
        throw v.error("include has unknown key '" + k + "'.", Names.closest(k, REUSE_KEYS)
            .map(c -> "did you mean '" + c + "'? ").orElse("") + "keys are "
            + Names.quoted(REUSE_KEYS));
      }
    });
    if (!keys.containsKey("pipeline")) {
      throw item.error("include has no 'pipeline'.", "write {pipeline: NAME, namespace: NS}");
    }
    Pipeline base = pipeline(keys.get("pipeline").text("pipeline"), keys.get("pipeline"));
    Reuse reuse = new Reuse(keys.containsKey("namespace")
        ? keys.get("namespace").text("namespace") : null, strings(keys.get("inputs")),
        strings(keys.get("outputs")), strings(keys.get("parameters")));
    try {
      return base.reuse(reuse);
    } catch (PipelineException e) {
      throw item.error(e.getMessage(), e.hint().orElse(null));
    }
  }

  private static Map<String, String> strings(YamlNode yaml) {
    Map<String, String> out = new TreeMap<>();
    if (yaml != null) {
      yaml.map("mapping").forEach((k, v) -> out.put(k, v.text(k)));
    }
    return out;
  }

  private static Pipeline compose(YamlNode at, List<Node> nodes, List<Pipeline> parts) {
    try {
      Pipeline result = Pipeline.of(nodes);
      for (Pipeline p : parts) {
        result = result.plus(p);
      }
      return result;
    } catch (PipelineException e) {
      throw at.error(e.getMessage(), e.hint().orElse(null));
    }
  }
}
