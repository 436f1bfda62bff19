package dev.kiln.ml.nodes;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.CategoricalEncoder;
import dev.kiln.ml.preprocess.Imputer;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.StandardScaler;
import dev.kiln.ml.preprocess.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Preprocessing chosen from the column types, as {@code kiln new} and the {@code train} node use
 * by default. Text columns: for XGBoost, those with more than {@value #ONE_HOT_MAX} distinct values
 * become category codes for its native categorical splits and the others are one-hot encoded,
 * sparsely (a code per row; a row's other categories are missing to XGBoost). For the linear
 * baseline all are one-hot encoded with explicit zeros and at most {@value #ONE_HOT_MAX} columns
 * each (rarer categories share an infrequent column). Unseen categories never fail. For the linear
 * baseline also missing numbers are filled with the median and numbers standardised; trees need
 * neither.
 */
final class AutoPreprocessing {
  /** The most distinct values (or output columns) a text column gets one-hot encoded with. */
  static final int ONE_HOT_MAX = 16;

  private AutoPreprocessing() {}

  static List<Step> steps(Frame inputs, String model) {
    boolean linear = model.equals("linear");
    List<String> oneHot = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Column c : inputs.columns()) {
      if (c.type() == ColumnType.STRING) {
        (linear || distinctUpTo(c, ONE_HOT_MAX + 1) <= ONE_HOT_MAX ? oneHot : codes).add(c.name());
      } else {
        numbers.add(c.name());
        if (c.nullCount() > 0) {
          missing.add(c.name());
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    if (linear && !missing.isEmpty()) {
      steps.add(new Imputer(missing, "median", null));
    }
    if (!oneHot.isEmpty()) {
      steps.add(new OneHotEncoder(oneHot, "infrequent_if_exist", linear ? ONE_HOT_MAX : null,
          null, !linear));
    }
    if (!codes.isEmpty()) {
      steps.add(new CategoricalEncoder(codes));
    }
    if (linear && !numbers.isEmpty()) {
      steps.add(new StandardScaler(numbers));
    }
    return steps;
  }

  private static int distinctUpTo(Column c, int limit) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < c.size() && seen.size() < limit; i++) {
      if (!c.isNull(i)) {
        seen.add(c.get(i));
      }
    }
    return seen.size();
  }
}
