package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted categorical encoder: the sorted training categories per column; a value's code is its
 * index in that list, NaN when missing or unseen.
 *
 * @param categories column name to its sorted training categories
 */
public record FittedCategorical(Map<String, List<String>> categories) implements FittedStep {
  /** Copies the map. */
  public FittedCategorical {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
  }

  @Override
  public Frame transform(Frame frame) {
    List<Column> out = new ArrayList<>();
    for (Column c : frame.columns()) {
      List<String> cats = categories.get(c.name());
      out.add(cats == null ? c : encode(c, cats));
    }
    return Frame.of(out);
  }

  private static Column encode(Column c, List<String> cats) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < cats.size(); k++) {
      index.put(cats.get(k), k);
    }
    double[] codes = new double[c.size()];
    for (int i = 0; i < codes.length; i++) {
      Integer k = c.isNull(i) ? null : index.get(String.valueOf(c.get(i)));
      codes[i] = k == null ? Double.NaN : k;
    }
    return DoubleColumn.of(c.name(), codes);
  }
}
