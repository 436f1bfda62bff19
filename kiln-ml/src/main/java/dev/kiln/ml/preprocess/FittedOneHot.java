package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted one-hot encoder: the training categories that get their own column, the infrequent
 * ones grouped into a last {@code column=<infrequent>} column, and the unknown-category policy.
 *
 * @param categories column name to its sorted frequent categories
 * @param ignoreUnknown whether unseen categories give all zeros instead of an error
 * @param infrequent column name to its sorted infrequent categories (absent: none)
 * @param unknownAsInfrequent whether unseen categories go to the infrequent column, when the
 *     column has one
 */
public record FittedOneHot(Map<String, List<String>> categories, boolean ignoreUnknown,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> infrequent,
    boolean unknownAsInfrequent) implements FittedStep {

  /** The category part of the infrequent column's name. */
  public static final String INFREQUENT = "<infrequent>";

  /** Copies the maps. */
  public FittedOneHot {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    infrequent = infrequent == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(infrequent));
  }

  @Override
  public Frame transform(Frame frame) {
    List<Column> out = new ArrayList<>();
    for (Column c : frame.columns()) {
      List<String> cats = categories.get(c.name());
      if (cats == null) {
        out.add(c);
      } else {
        out.addAll(encode(c, cats, infrequent.getOrDefault(c.name(), List.of())));
      }
    }
    return Frame.of(out);
  }

  private List<Column> encode(Column c, List<String> cats, List<String> rare) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < cats.size(); k++) {
      index.put(cats.get(k), k);
    }
    int bucket = rare.isEmpty() ? -1 : cats.size();
    rare.forEach(r -> index.put(r, bucket));
    double[][] values = new double[cats.size() + (rare.isEmpty() ? 0 : 1)][c.size()];
    for (int i = 0; i < c.size(); i++) {
      if (c.isNull(i)) {
        continue;
      }
      String v = String.valueOf(c.get(i));
      Integer k = index.get(v);
      if (k == null && unknownAsInfrequent && bucket >= 0) {
        k = bucket;
      }
      if (k != null) {
        values[k][i] = 1;
      } else if (!ignoreUnknown && !unknownAsInfrequent) {
        throw new DataFormatException("Column '" + c.name() + "' row " + i + " has category '" + v
            + "', which was not seen in training; known categories are " + cats + ".",
            "fix the value, or fit the encoder with handle_unknown: ignore");
      }
    }
    List<Column> result = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      String category = k < cats.size() ? cats.get(k) : INFREQUENT;
      result.add(DoubleColumn.of(c.name() + "=" + category, values[k]));
    }
    return result;
  }
}
