package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.ml.preprocess.FeatureTransforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the {@code features} node.
 *
 * @param columns derived column name to its expression, in order (each may use the ones before)
 * @param drop raw columns that are only used to derive others and are not features themselves
 */
public record FeaturesParams(Map<String, String> columns, List<String> drop) {
  /** Checks that there are columns and that every expression parses. */
  public FeaturesParams {
    if (columns == null || columns.isEmpty()) {
      throw new KilnException("parameter 'columns' is required.", "map each new column to an"
          + " expression, e.g. 'columns: {log_amount: log1p(Amount)}'");
    }
    drop = drop == null ? List.of() : List.copyOf(drop);
    transforms(columns, drop);
  }

  /** Returns the transforms these parameters declare. */
  FeatureTransforms transforms() {
    return transforms(columns, drop);
  }

  private static FeatureTransforms transforms(Map<String, String> columns, List<String> drop) {
    List<DerivedColumn> derived = new ArrayList<>();
    columns.forEach((name, expression) -> {
      try {
        derived.add(DerivedColumn.of(name, expression));
      } catch (KilnException e) {
        throw new KilnException("column '" + name + "': " + e.getMessage(),
            e.hint().orElse("see docs/expressions.md"));
      }
    });
    return new FeatureTransforms(derived, drop);
  }
}
