package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
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
 * A fitted one-hot encoder: the training categories that get their own column, the infrequent
 * ones grouped into a last {@code column=<infrequent>} column, and the unknown-category policy.
 *
 * <p>A sparse encoder ({@code sparse: true}, what {@link OneHotEncoder} fits by default) is
 * applied by {@link FittedPreprocessor#encode} as one code per row, never as a column per
 * category, and its zeros are left out of the model's matrix, which XGBoost reads as missing —
 * as it reads scikit-learn's sparse output. Its dense {@link #transform} therefore gives 1 and NaN
 * (missing), the values the model was trained on. Encoders written before the sparse path
 * ({@code sparse} absent) give 1 and 0, as they always did.
 *
 * @param categories column name to its sorted frequent categories
 * @param ignoreUnknown whether unseen categories give no category instead of an error
 * @param infrequent column name to its sorted infrequent categories (absent: none)
 * @param unknownAsInfrequent whether unseen categories go to the infrequent column, when the
 *     column has one
 * @param sparse whether a row's other categories are missing (left out) rather than 0
 */
public record FittedOneHot(Map<String, List<String>> categories, boolean ignoreUnknown,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> infrequent,
    boolean unknownAsInfrequent, boolean sparse) implements FittedStep {

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
      if (categories.containsKey(c.name())) {
        out.addAll(dense(c.name(), codes(c)));
      } else {
        out.add(c);
      }
    }
    return Frame.of(out);
  }

  /** Returns the output column names of an encoded column: its categories, then the bucket. */
  public List<String> outputNames(String column) {
    List<String> names = new ArrayList<>();
    categories.get(column).forEach(c -> names.add(column + "=" + c));
    if (!infrequent.getOrDefault(column, List.of()).isEmpty()) {
      names.add(column + "=" + INFREQUENT);
    }
    return names;
  }

  /**
   * Returns each row's output column within the column's block ({@link #outputNames} order), or
   * -1 for none: a missing value, or an unseen category under {@code ignore} (or under {@code
   * infrequent_if_exist} with no infrequent column).
   *
   * @throws DataFormatException naming the row and value of an unseen category under the
   *     {@code error} policy
   */
  public int[] codes(Column c) {
    Map<String, Integer> index = index(c.name());
    int[] codes = new int[c.size()];
    if (c instanceof StringColumn s) {
      int[] byEntry = new int[s.dictionarySize()];
      for (int e = 0; e < byEntry.length; e++) {
        byEntry[e] = index.getOrDefault(s.dictionaryValue(e), -2);
      }
      for (int i = 0; i < codes.length; i++) {
        int entry = s.code(i);
        codes[i] = entry == StringColumn.NULL_CODE ? -1 : byEntry[entry];
        if (codes[i] == -2) {
          codes[i] = unknown(c, i);
        }
      }
    } else {
      for (int i = 0; i < codes.length; i++) {
        codes[i] = c.isNull(i) ? -1
            : index.getOrDefault(String.valueOf(c.get(i)), -2);
        if (codes[i] == -2) {
          codes[i] = unknown(c, i);
        }
      }
    }
    return codes;
  }

  private Map<String, Integer> index(String column) {
    List<String> cats = categories.get(column);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < cats.size(); k++) {
      index.put(cats.get(k), k);
    }
    infrequent.getOrDefault(column, List.of()).forEach(r -> index.put(r, cats.size()));
    return index;
  }

  /** Returns the code of an unseen category at row i, or fails under the error policy. */
  private int unknown(Column c, int i) {
    boolean bucket = !infrequent.getOrDefault(c.name(), List.of()).isEmpty();
    if (unknownAsInfrequent && bucket) {
      return categories.get(c.name()).size();
    }
    if (ignoreUnknown || unknownAsInfrequent) {
      return -1;
    }
    throw new DataFormatException("Column '" + c.name() + "' row " + i + " has category '"
        + c.get(i) + "', which was not seen in training; known categories are "
        + categories.get(c.name()) + ".",
        "fix the value, or fit the encoder with handle_unknown: ignore");
  }

  private List<Column> dense(String column, int[] codes) {
    List<String> names = outputNames(column);
    double absent = sparse ? Double.NaN : 0;
    List<Column> result = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      double[] values = new double[codes.length];
      for (int i = 0; i < codes.length; i++) {
        values[i] = codes[i] == k ? 1 : absent;
      }
      result.add(DoubleColumn.of(names.get(k), values));
    }
    return result;
  }
}
