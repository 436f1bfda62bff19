package dev.kiln.ml.preprocess;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills missing values: {@code mean} or {@code median} (numeric columns), {@code most_frequent}
 * (any column; ties go to the smallest value, as scikit-learn) or {@code constant} ({@code fill}).
 *
 * @param columns the columns to fill
 * @param strategy mean, median, most_frequent or constant
 * @param fill the value for the constant strategy (a number or a string)
 */
public record Imputer(List<String> columns, String strategy, Object fill) implements Step {
  /**
   * Validates the strategy.
   *
   * @throws KilnException for an unknown strategy or a constant strategy without a value
   */
  public Imputer {
    columns = List.copyOf(columns);
    if (!List.of("mean", "median", "most_frequent", "constant").contains(strategy)) {
      throw new KilnException("Unknown imputer strategy '" + strategy + "'.",
          "use one of mean, median, most_frequent, constant");
    }
    if (strategy.equals("constant") && fill == null) {
      throw new KilnException("The constant imputer needs a 'fill' value.", "add fill: 0");
    }
  }

  @Override
  public FittedStep fit(Frame train) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : columns) {
      Column c = strategy.equals("mean") || strategy.equals("median")
          ? Numeric.column(train, name) : train.column(name);
      values.put(name, switch (strategy) {
        case "mean" -> Arrays.stream(present(c)).average().orElse(0);
        case "median" -> median(present(c));
        case "most_frequent" -> mostFrequent(c);
        default -> fill;
      });
    }
    return new FittedImputer(values);
  }

  private static double[] present(Column c) {
    return Arrays.stream(c.toDoubleArray()).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static Object mostFrequent(Column c) {
    TreeMap<Comparable<Object>, Integer> counts = new TreeMap<>();
    for (int i = 0; i < c.size(); i++) {
      if (!c.isNull(i)) {
        @SuppressWarnings("unchecked")
        Comparable<Object> v = (Comparable<Object>) c.get(i);
        counts.merge(v, 1, Integer::sum);
      }
    }
    Object best = c.type() == ColumnType.STRING ? "" : (Object) 0.0;
    int max = 0;
    for (Map.Entry<Comparable<Object>, Integer> e : counts.entrySet()) {
      if (e.getValue() > max) {
        max = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }
}
