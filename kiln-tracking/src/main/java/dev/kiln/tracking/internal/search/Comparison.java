package dev.kiln.tracking.internal.search;

import java.util.List;

/**
 * One parsed filter term such as {@code metrics.loss < 0.5}.
 *
 * @param prefix the canonical prefix: metrics, params, tags, attributes or datasets
 * @param key the key after the prefix
 * @param op the upper-case operator: = != &gt; &gt;= &lt; &lt;= LIKE ILIKE IN NOT IN
 * @param values one value, or several for IN / NOT IN (String or Double)
 */
public record Comparison(String prefix, String key, String op, List<Object> values) {
  /** Copies the values. */
  public Comparison {
    values = List.copyOf(values);
  }
}
