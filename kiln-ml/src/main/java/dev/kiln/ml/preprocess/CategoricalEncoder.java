package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces each text column by one column of category codes (0, 1, … in sorted category order)
 * for XGBoost's native categorical splits, which handle hundreds of categories in one feature
 * where one-hot would need a column each. Missing values and categories unseen in training give
 * NaN, which XGBoost treats as missing. The sorted category list is stored in the fitted JSON, so
 * serving maps text to the same codes as training.
 *
 * @param columns the columns to encode
 */
public record CategoricalEncoder(List<String> columns) implements Step {
  /** Copies the list. */
  public CategoricalEncoder {
    columns = List.copyOf(columns);
  }

  @Override
  public FittedStep fit(Frame train) {
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (String name : columns) {
      Column c = train.column(name);
      TreeSet<String> seen = new TreeSet<>();
      for (int i = 0; i < c.size(); i++) {
        if (!c.isNull(i)) {
          seen.add(String.valueOf(c.get(i)));
        }
      }
      categories.put(name, List.copyOf(seen));
    }
    return new FittedCategorical(categories);
  }
}
