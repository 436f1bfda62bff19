package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads manifests into fabric8's Kubernetes API model and fails on any field the API does not
 * define (fabric8 would otherwise keep it silently in {@code additionalProperties}).
 */
final class StrictModel {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StrictModel() {}

  static <T> T read(String yaml, Class<T> type) {
    T value = SERIALIZATION.unmarshal(yaml, type);
    List<String> unknown = new ArrayList<>();
    walk(value, type.getSimpleName(), unknown, new IdentityHashMap<>());
    assertThat(unknown).as("fields the Kubernetes API does not define").isEmpty();
    return value;
  }

  /** Reads a multi-document YAML strictly; returns how many objects of each kind it holds. */
  static Map<String, Long> kinds(String yaml) {
    Map<String, Long> kinds = new TreeMap<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      HasMetadata object = SERIALIZATION.unmarshal(doc);
      read(doc, object.getClass());
      kinds.merge(object.getKind(), 1L, Long::sum);
    }
    return kinds;
  }

  private static void walk(Object node, String path, List<String> unknown,
      IdentityHashMap<Object, Boolean> seen) {
    if (node == null || seen.put(node, true) != null) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : node.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object value = m.invoke(node);
        if (m.getName().equals("getAdditionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            unknown.add(path + ": " + extra.keySet());
          }
        } else {
          walk(value, path + "." + m.getName().substring(3), unknown, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
