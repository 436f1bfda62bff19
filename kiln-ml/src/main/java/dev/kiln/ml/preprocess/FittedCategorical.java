package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
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

  /**
   * Codes a column: a text column through its dictionary (one lookup per distinct value, then an
   * array access per row), any other column value by value.
   */
  private static Column encode(Column c, List<String> cats) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < cats.size(); k++) {
      index.put(cats.get(k), k);
    }
    double[] codes = new double[c.size()];
    if (c instanceof StringColumn s) {
      double[] byCode = new double[s.dictionarySize()];
      for (int d = 0; d < byCode.length; d++) {
        byCode[d] = code(index.get(s.dictionaryValue(d)));
      }
      for (int i = 0; i < codes.length; i++) {
        int d = s.code(i);
        codes[i] = d == StringColumn.NULL_CODE ? Double.NaN : byCode[d];
      }
    } else {
      for (int i = 0; i < codes.length; i++) {
        codes[i] = c.isNull(i) ? Double.NaN : code(index.get(String.valueOf(c.get(i))));
      }
    }
    return DoubleColumn.of(c.name(), codes);
  }

  private static double code(Integer category) {
    return category == null ? Double.NaN : category;
  }
}
