package dev.kiln.core.nodes;

import dev.kiln.core.config.YamlNode;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the {@code inputs} or {@code outputs} of a declaration to a type's ports: one dataset
 * name (the first port), a list (ports in order) or a mapping (port: dataset).
 */
final class PortBinding {
  private PortBinding() {}

  /**
   * Returns port (or, for a many-port, the user's name) to dataset name.
   *
   * @throws dev.kiln.core.config.ConfigException naming the unknown or missing port
   */
  static Map<String, String> bind(String node, String what, YamlNode yaml, List<Port> ports,
      YamlNode declaration) {
    Map<String, String> bound = new LinkedHashMap<>();
    Optional<Port> many = ports.stream().filter(Port::many).findFirst();
    if (yaml != null && yaml.isMap()) {
      yaml.map(what).forEach((key, value) -> {
        boolean known = ports.stream().anyMatch(p -> p.name().equals(key) && !p.many());
        if (!known && many.isEmpty()) {
          throw value.error("node '" + node + "' has no " + singular(what) + " '" + key + "'.",
              Names.closest(key, names(ports)).map(c -> "did you mean '" + c + "'? ").orElse("")
                  + what + " are " + describe(ports));
        }
        bound.put(key, dataset(node, value));
      });
    } else if (yaml != null) {
      List<YamlNode> items = yaml.list(what);
      List<Port> fixed = ports.stream().filter(p -> !p.many()).toList();
      for (int i = 0; i < items.size(); i++) {
        String dataset = dataset(node, items.get(i));
        if (i < fixed.size()) {
          bound.put(fixed.get(i).name(), dataset);
        } else if (many.isPresent()) {
          bound.put(dataset, dataset);
        } else {
          throw items.get(i).error("node '" + node + "' has " + items.size() + " " + what
              + " but its type takes " + fixed.size() + ".", what + " are " + describe(ports));
        }
      }
    }
    for (Port p : ports) {
      if (p.required() && !bound.containsKey(p.name())) {
        throw (yaml == null ? declaration : yaml).error("node '" + node + "' does not bind its "
            + singular(what) + " '" + p.name() + "' (" + p.summary() + ").", "write '" + what
            + ": {" + p.name() + ": DATASET}'; " + what + " are " + describe(ports));
      }
    }
    if (bound.values().stream().distinct().count() < bound.size()) {
      throw (yaml == null ? declaration : yaml).error("node '" + node + "' names one dataset"
          + " twice in its " + what + ".", "give each " + singular(what) + " its own dataset");
    }
    return bound;
  }

  private static String dataset(String node, YamlNode value) {
    String name = value.text("dataset name");
    if (DatasetRef.isParameter(name)) {
      throw value.error("node '" + node + "' binds parameter '" + name + "' as a dataset.",
          "parameters go under 'params:', e.g. 'params: {test_size: " + name + "}'");
    }
    try {
      return DatasetRef.of(name, Object.class).name();
    } catch (dev.kiln.core.KilnException e) {
      throw value.error(e.getMessage(), e.hint().orElse(null));
    }
  }

  private static List<String> names(List<Port> ports) {
    return ports.stream().filter(p -> !p.many()).map(Port::name).toList();
  }

  private static String describe(List<Port> ports) {
    return ports.stream().map(p -> p.many() ? "any name (" + p.summary() + ")"
        : p.name() + (p.required() ? "" : " (optional)")).toList().toString();
  }

  private static String singular(String what) {
    return what.substring(0, what.length() - 1);
  }
}
