package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * Maps numeric columns to [0, 1] by their training minimum and maximum (as scikit-learn's
 * MinMaxScaler; a constant column keeps scale 1). Missing values stay missing.
 *
 * @param columns the numeric columns to scale
 */
public record MinMaxScaler(List<String> columns) implements Step {
  /** Copies the list. */
  public MinMaxScaler {
    columns = List.copyOf(columns);
  }

  @Override
  public FittedStep fit(Frame train) {
    double[] min = new double[columns.size()];
    double[] scale = new double[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      Column c = Numeric.column(train, columns.get(j));
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < c.size(); i++) {
        double x = c.getDouble(i);
        if (!Double.isNaN(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      min[j] = Double.isInfinite(lo) ? 0 : lo;
      scale[j] = hi > lo ? hi - lo : 1;
    }
    return new FittedAffine(columns, min, scale);
  }
}
