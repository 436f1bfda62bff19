package dev.kiln.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a node returns, keyed by the output references it declared. Immutable: {@link #and}
 * returns a new instance.
 */
public final class Outputs {
  private final Map<String, Object> values;

  private Outputs(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Returns outputs with no values, for nodes that only have side effects. */
  public static Outputs none() {
    return new Outputs(new LinkedHashMap<>());
  }

  /** Returns outputs holding one value. */
  public static <T> Outputs of(DatasetRef<T> ref, T value) {
    return none().and(ref, value);
  }

  /** Returns these outputs plus one more value. */
  public <T> Outputs and(DatasetRef<T> ref, T value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(ref.name(), value);
    return new Outputs(copy);
  }

  /** Returns the values by declared output name. */
  public Map<String, Object> values() {
    return values;
  }
}
