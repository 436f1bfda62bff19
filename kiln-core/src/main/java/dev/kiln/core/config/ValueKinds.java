package dev.kiln.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Names configuration values and the types code expects in the words of a YAML user
 * ({@code integer}, {@code number}, {@code text}, {@code true/false}, {@code list},
 * {@code mapping}), never as Java class names, and converts values strictly: a number with a
 * fraction is not an integer.
 */
public final class ValueKinds {
  private ValueKinds() {}

  /** Returns {@code mapper} set to refuse {@code 7.5} (and {@code 7.0}) where an integer is read. */
  public static ObjectMapper strict(ObjectMapper mapper) {
    return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** Returns the user's word for a Java type, e.g. {@code integer} for {@code Long}. */
  public static String ofType(Class<?> type) {
    Class<?> t = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap()
        .returnType() : type;
    if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class
        || t == BigInteger.class) {
      return "integer";
    }
    if (Number.class.isAssignableFrom(t)) {
      return "number";
    }
    if (t == String.class || t == Character.class || t.isEnum()) {
      return "text";
    }
    if (t == Boolean.class) {
      return "true/false";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "list";
    }
    return "mapping";
  }

  /** Returns the user's word for a value read from YAML or JSON, e.g. {@code number} for 7.5. */
  public static String ofValue(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return "number";
    }
    if (value instanceof Map<?, ?>) {
      return "mapping";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    return ofType(value.getClass());
  }

  /**
   * Describes why {@code value} could not be converted, e.g. {@code 'seed' is 7.5 (a number),
   * expected an integer}, following the failure's path into nested mappings.
   *
   * @param name the name of the whole value, used when the failure has no path
   */
  public static String mismatch(Object value, String name, IllegalArgumentException failure) {
    Throwable cause = failure.getCause() instanceof JsonMappingException ? failure.getCause()
        : failure;
    if (!(cause instanceof JsonMappingException m)) {
      return "'" + name + "' cannot be read: " + firstLine(failure.getMessage());
    }
    Object at = value;
    StringBuilder path = new StringBuilder(name == null ? "" : name);
    for (JsonMappingException.Reference r : m.getPath()) {
      String step = r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
      path.append(path.length() == 0 || step.startsWith("[") ? "" : ".").append(step);
      at = at instanceof Map<?, ?> map ? map.get(r.getFieldName())
          : at instanceof List<?> list && r.getIndex() >= 0 && r.getIndex() < list.size()
          ? list.get(r.getIndex()) : null;
    }
    if (path.length() == 0) {
      path.append("parameters");
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      String expected = ofType(mi.getTargetType());
      return "'" + path + "' is " + shown(at) + ", expected " + withArticle(expected);
    }
    return "'" + path + "' cannot be read: " + firstLine(m.getOriginalMessage());
  }

  private static String shown(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return withArticle(ofValue(value));
    }
    return (value instanceof String s ? "'" + s + "'" : String.valueOf(value)) + " ("
        + withArticle(ofValue(value)) + ")";
  }

  /** Returns {@code an integer}, {@code a number}, {@code text}. */
  public static String withArticle(String kind) {
    return kind.equals("text") || kind.equals("nothing") ? kind
        : (kind.startsWith("i") ? "an " : "a ") + kind;
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse(text);
  }
}
