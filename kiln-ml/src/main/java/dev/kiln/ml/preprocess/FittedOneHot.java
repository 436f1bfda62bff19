package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted one-hot encoder: the training categories per column and the unknown-category policy.
 *
 * @param categories column name to its sorted training categories
 * @param ignoreUnknown whether unseen categories give all zeros instead of an error
 */
public record FittedOneHot(Map<String, List<String>> categories, boolean ignoreUnknown)
    implements FittedStep {
  /** Copies the map. */
  public FittedOneHot {
    categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
  }

  @Override
  public Frame transform(Frame frame) {
    List<Column> out = new ArrayList<>();
    for (Column c : frame.columns()) {
      List<String> cats = categories.get(c.name());
      if (cats == null) {
        out.add(c);
      } else {
        out.addAll(encode(c, cats));
      }
    }
    return Frame.of(out);
  }

  private List<Column> encode(Column c, List<String> cats) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < cats.size(); k++) {
      index.put(cats.get(k), k);
    }
    double[][] values = new double[cats.size()][c.size()];
    for (int i = 0; i < c.size(); i++) {
      if (c.isNull(i)) {
        continue;
      }
      String v = String.valueOf(c.get(i));
      Integer k = index.get(v);
      if (k != null) {
        values[k][i] = 1;
      } else if (!ignoreUnknown) {
        throw new DataFormatException("Column '" + c.name() + "' row " + i + " has category '" + v
            + "', which was not seen in training; known categories are " + cats + ".",
            "fix the value, or fit the encoder with handle_unknown: ignore");
      }
    }
    List<Column> result = new ArrayList<>();
    for (int k = 0; k < cats.size(); k++) {
      result.add(DoubleColumn.of(c.name() + "=" + cats.get(k), values[k]));
    }
    return result;
  }
}
