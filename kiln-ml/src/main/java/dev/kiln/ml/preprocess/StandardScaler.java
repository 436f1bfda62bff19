package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * Centres numeric columns on their mean and divides by their population standard deviation (as
 * scikit-learn's StandardScaler; a constant column keeps scale 1). Missing values stay missing.
 *
 * @param columns the numeric columns to scale
 */
public record StandardScaler(List<String> columns) implements Step {
  /** Copies the list. */
  public StandardScaler {
    columns = List.copyOf(columns);
  }

  @Override
  public FittedStep fit(Frame train) {
    double[] mean = new double[columns.size()];
    double[] scale = new double[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      Column c = Numeric.column(train, columns.get(j));
      double sum = 0;
      double sq = 0;
      long n = 0;
      for (int i = 0; i < c.size(); i++) {
        if (!c.isNull(i) && !Double.isNaN(c.getDouble(i))) {
          double x = c.getDouble(i);
          sum += x;
          sq += x * x;
          n++;
        }
      }
      mean[j] = n == 0 ? 0 : sum / n;
      double var = n == 0 ? 0 : Math.max(0, sq / n - mean[j] * mean[j]);
      scale[j] = var == 0 ? 1 : Math.sqrt(var);
    }
    return new FittedAffine(columns, mean, scale);
  }
}
