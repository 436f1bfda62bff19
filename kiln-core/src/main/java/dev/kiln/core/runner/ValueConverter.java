package dev.kiln.core.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.core.config.ValueKinds;
import dev.kiln.core.pipeline.DatasetRef;
import java.util.List;
import java.util.Map;

/**
 * Converts loaded values to the type a node declared: values of that type pass unchanged;
 * configuration-shaped values (maps, lists, numbers, strings, booleans from YAML or JSON) are
 * converted with Jackson, so {@code DatasetRef.param("model", ModelOptions.class)} gets a record.
 */
final class ValueConverter {
  private static final ObjectMapper MAPPER = ValueKinds.strict(new ObjectMapper());

  private ValueConverter() {}

  static Object convert(Object value, Class<?> type, String dataset, String node) {
    Class<?> boxed = box(type);
    if (value == null || boxed.isInstance(value)) {
      return value;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Number
        || value instanceof String || value instanceof Boolean) {
      try {
        return MAPPER.convertValue(value, boxed);
      } catch (IllegalArgumentException e) {
        if (DatasetRef.isParameter(dataset)) {
          throw new KilnException("Parameter " + ValueKinds.mismatch(value, dataset, e)
              + " (read by node '" + node + "').", "write it as "
              + ValueKinds.withArticle(ValueKinds.ofType(type)) + " in parameters.yml or --params");
        }
        throw mismatch(value, type, dataset, node, e.getMessage());
      }
    }
    throw mismatch(value, type, dataset, node, null);
  }

  private static KilnException mismatch(Object value, Class<?> type, String dataset, String node,
      String detail) {
    return new KilnException("Dataset '" + dataset + "' holds a " + value.getClass().getName()
        + " but node '" + node + "' reads it as " + type.getName()
        + (detail == null ? "." : ": " + detail.lines().findFirst().orElse("")),
        "change the catalog entry's type or the node's DatasetRef type so they agree");
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
  }
}
