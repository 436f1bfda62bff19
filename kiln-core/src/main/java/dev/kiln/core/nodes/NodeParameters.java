package dev.kiln.core.nodes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.kiln.core.KilnException;
import dev.kiln.core.config.ValueKinds;
import dev.kiln.core.pipeline.Names;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Converts a node's parameters from YAML values to its parameter record: snake_case keys,
 * unknown keys refused with a "did you mean", a value of the wrong type named by its key.
 */
public final class NodeParameters {
  private static final ObjectMapper MAPPER = ValueKinds.strict(new ObjectMapper())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private NodeParameters() {}

  /**
   * A parameter problem: the message, and the key it is about (null if about all of them).
   */
  public static final class Invalid extends KilnException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /** Creates the error; {@code key} is the parameter at fault, or null. */
    public Invalid(String key, String message, String hint, Throwable cause) {
      super(message, hint, cause);
      this.key = key;
    }

    /** Returns the top-level key the problem is about, or null. */
    public String key() {
      return key;
    }
  }

  /**
   * Converts the values to the record.
   *
   * @throws Invalid naming the unknown or mistyped key, or the record's own complaint
   */
  public static <P> P convert(Map<String, Object> values, Class<P> type) {
    try {
      return MAPPER.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      throw invalid(values, e.getCause() instanceof JsonMappingException m ? m : null, e);
    }
  }

  /** Returns the snake_case name of a record component, as users write it. */
  public static String keyOf(String component) {
    return ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE)
        .translate(component);
  }

  private static Invalid invalid(Map<String, Object> values, JsonMappingException m,
      IllegalArgumentException e) {
    Throwable root = e;
    while (root.getCause() != null && !(root instanceof KilnException)) {
      root = root.getCause();
    }
    if (root instanceof KilnException k) {
      String key = k instanceof Invalid i ? i.key() : null;
      return new Invalid(key, k.getMessage(), k.hint().orElse(null), k);
    }
    if (m instanceof UnrecognizedPropertyException u) {
      TreeSet<String> known = u.getKnownPropertyIds().stream().map(String::valueOf)
          .collect(Collectors.toCollection(TreeSet::new));
      String name = u.getPropertyName();
      return new Invalid(name, "unknown parameter '" + name + "'.", Names.closest(name, known)
          .map(c -> "did you mean '" + c + "'? ").orElse("") + "parameters are "
          + Names.quoted(known), e);
    }
    String key = m == null || m.getPath().isEmpty() ? null : m.getPath().get(0).getFieldName();
    return new Invalid(key, "parameter " + ValueKinds.mismatch(values, null, e) + ".",
        "change the value in the node's params or in the parameters.yml key it references", e);
  }
}
