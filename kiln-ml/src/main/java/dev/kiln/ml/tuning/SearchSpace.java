package dev.kiln.ml.tuning;

import dev.kiln.core.KilnException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hyperparameter values to try, as declared in YAML: each parameter maps to a list of values,
 * e.g. {@code {max_depth: [3, 6], eta: [0.05, 0.1]}}. A grid search tries every combination; a
 * random search tries a seeded sample of them.
 *
 * @param values parameter name to the values to try
 */
public record SearchSpace(Map<String, List<Object>> values) {
  /**
   * Validates and copies the space.
   *
   * @throws KilnException if a parameter has no values
   */
  public SearchSpace {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    values.forEach((k, v) -> {
      if (v == null || v.isEmpty()) {
        throw new KilnException("Search space parameter '" + k + "' has no values.",
            "write it as " + k + ": [value1, value2]");
      }
    });
  }

  /** Returns every combination, in a stable order. */
  public List<Map<String, Object>> grid() {
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> e : values.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> base : combos) {
        for (Object v : e.getValue()) {
          Map<String, Object> c = new LinkedHashMap<>(base);
          c.put(e.getKey(), v);
          next.add(c);
        }
      }
      combos = next;
    }
    return combos;
  }

  /** Returns {@code n} distinct combinations drawn at random (all if n is larger). */
  public List<Map<String, Object>> sample(int n, long seed) {
    List<Map<String, Object>> all = new ArrayList<>(grid());
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(n, all.size()));
  }
}
