package dev.kiln.ml.nodes;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.Imputer;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.StandardScaler;
import dev.kiln.ml.preprocess.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Preprocessing chosen from the column types, as {@code kiln new} and the {@code train} node use
 * by default: text columns one-hot encoded (unseen categories ignored); for the linear baseline
 * also missing numbers filled with the median and numbers standardised. Trees need neither.
 */
final class AutoPreprocessing {
  private AutoPreprocessing() {}

  static List<Step> steps(Frame inputs, String model) {
    List<String> text = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Column c : inputs.columns()) {
      if (c.type() == ColumnType.STRING) {
        text.add(c.name());
      } else {
        numbers.add(c.name());
        if (c.nullCount() > 0) {
          missing.add(c.name());
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    boolean linear = model.equals("linear");
    if (linear && !missing.isEmpty()) {
      steps.add(new Imputer(missing, "median", null));
    }
    if (!text.isEmpty()) {
      steps.add(new OneHotEncoder(text, "ignore"));
    }
    if (linear && !numbers.isEmpty()) {
      steps.add(new StandardScaler(numbers));
    }
    return steps;
  }
}
