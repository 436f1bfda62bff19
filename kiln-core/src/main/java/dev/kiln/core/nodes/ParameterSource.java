package dev.kiln.core.nodes;

import dev.kiln.core.config.YamlNode;
import dev.kiln.core.pipeline.DatasetRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a node's parameters come from: {@code params: params:model} (a mapping of
 * parameters.yml), or an inline mapping whose values may be {@code params:key} references. The
 * references become parameter inputs of the node, so {@code --params} and namespaces apply.
 */
final class ParameterSource {
  private final YamlNode yaml;
  private final YamlNode declaration;
  private final String whole;
  private final Map<String, Object> inline;
  private final Map<String, String> referenced;

  private ParameterSource(YamlNode yaml, YamlNode declaration, String whole,
      Map<String, Object> inline, Map<String, String> referenced) {
    this.yaml = yaml;
    this.declaration = declaration;
    this.whole = whole;
    this.inline = inline;
    this.referenced = referenced;
  }

  static ParameterSource of(YamlNode yaml, YamlNode declaration) {
    Map<String, Object> inline = new LinkedHashMap<>();
    Map<String, String> referenced = new LinkedHashMap<>();
    String whole = null;
    if (yaml != null && yaml.isString() && DatasetRef.isParameter(yaml.text("params"))) {
      whole = key(yaml.text("params"));
    } else if (yaml != null && yaml.value() != null) {
      yaml.map("params").forEach((k, v) -> {
        if (v.isString() && DatasetRef.isParameter((String) v.value())) {
          referenced.put(k, key((String) v.value()));
        } else {
          inline.put(k, v.plain());
        }
      });
    }
    return new ParameterSource(yaml, declaration, whole, inline, referenced);
  }

  private static String key(String reference) {
    return reference.substring(DatasetRef.PARAMS_PREFIX.length());
  }

  /** Returns the parameter inputs the node reads. */
  List<DatasetRef<?>> references() {
    List<DatasetRef<?>> refs = new ArrayList<>();
    if (whole != null) {
      refs.add(DatasetRef.param(whole, Object.class));
    }
    referenced.values().stream().distinct().filter(k -> !k.equals(whole))
        .forEach(k -> refs.add(DatasetRef.param(k, Object.class)));
    return refs;
  }

  /**
   * Converts to the record, reading references through {@code lookup} (parameter key to value;
   * null when undefined: then nothing is checked and null returned, the runner reports it).
   *
   * @throws NodeParameters.Invalid naming the key at fault
   */
  Object convert(Class<?> type, Function<String, Object> lookup) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (whole != null) {
      Object base = lookup.apply(whole);
      if (base == null) {
        return null;
      }
      if (!(base instanceof Map<?, ?> map)) {
        throw new NodeParameters.Invalid(null, "parameter '" + whole + "' must be a mapping of"
            + " the node's parameters, got '" + base + "'.", "see docs/yaml-projects.md", null);
      }
      map.forEach((k, v) -> values.put(String.valueOf(k), v));
    }
    values.putAll(inline);
    for (Map.Entry<String, String> e : referenced.entrySet()) {
      Object value = lookup.apply(e.getValue());
      if (value == null) {
        return null;
      }
      values.put(e.getKey(), value);
    }
    return NodeParameters.convert(values, type);
  }

  /** Returns the YAML to blame for a problem with a key (null: the parameters as a whole). */
  YamlNode locate(String key) {
    if (yaml == null) {
      return declaration;
    }
    if (key != null && yaml.isMap() && yaml.map("params").containsKey(key)) {
      return yaml.map("params").get(key);
    }
    return yaml;
  }
}
