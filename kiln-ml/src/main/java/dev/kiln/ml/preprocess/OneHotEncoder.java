package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces each categorical column by one 0/1 double column per category seen in training, named
 * {@code column=category}, in sorted category order. As scikit-learn's {@code OneHotEncoder},
 * rare categories can be grouped into one {@code column=<infrequent>} column (placed last):
 * categories seen fewer than {@code min_frequency} times (a count, or a fraction of the rows when
 * below 1) and, when {@code max_categories} is set, all but the {@code max_categories - 1} most
 * frequent ones (ties: the alphabetically first category is grouped first). Categories unseen in
 * training fail the transformation ({@code handle_unknown: error}, the default), give all zeros
 * ({@code ignore}) or go to the infrequent column when there is one ({@code infrequent_if_exist}).
 * A missing value gives no category. By default the encoder is sparse: it is applied as one code
 * per row, never as a column per category, and a row's other categories are left out of the
 * model's matrix, which XGBoost reads as missing (as with scikit-learn's sparse output); {@code
 * sparse: false} writes explicit zeros, which the linear model needs.
 *
 * @param columns the columns to encode
 * @param handleUnknown {@code error}, {@code ignore} or {@code infrequent_if_exist}
 * @param maxCategories the most output columns per input column, the infrequent one included
 *     (null = no limit)
 * @param minFrequency the fewest occurrences of a category to get its own column: a count when 1
 *     or more, else a fraction of the training rows (null = no limit)
 * @param sparse whether a row's other categories are missing rather than 0 (null = true)
 */
public record OneHotEncoder(List<String> columns,
    @JsonProperty("handle_unknown") String handleUnknown,
    @JsonProperty("max_categories") Integer maxCategories,
    @JsonProperty("min_frequency") Double minFrequency, Boolean sparse) implements Step {

  private static final List<String> POLICIES = List.of("error", "ignore", "infrequent_if_exist");

  /**
   * Validates the policy and limits.
   *
   * @throws KilnException for an unknown policy, max_categories below 2 or a negative
   *     min_frequency
   */
  public OneHotEncoder {
    columns = List.copyOf(columns);
    handleUnknown = handleUnknown == null ? "error" : handleUnknown;
    sparse = sparse == null || sparse;
    if (!POLICIES.contains(handleUnknown)) {
      throw new KilnException("Unknown handle_unknown policy '" + handleUnknown + "'.",
          "use one of " + POLICIES);
    }
    if (maxCategories != null && maxCategories < 2) {
      throw new KilnException("max_categories must be at least 2, got " + maxCategories + ".",
          "one column is kept for frequent categories and one for the infrequent ones");
    }
    if (minFrequency != null && !(minFrequency >= 0)) {
      throw new KilnException("min_frequency must be 0 or more, got " + minFrequency + ".",
          "give a count (e.g. 10) or a fraction of the rows (e.g. 0.01)");
    }
  }

  /** Creates a sparse encoder with no infrequent grouping. */
  public OneHotEncoder(List<String> columns, String handleUnknown) {
    this(columns, handleUnknown, null, null, null);
  }

  /** Creates a sparse encoder. */
  public OneHotEncoder(List<String> columns, String handleUnknown, Integer maxCategories,
      Double minFrequency) {
    this(columns, handleUnknown, maxCategories, minFrequency, null);
  }

  @Override
  public FittedStep fit(Frame train) {
    Map<String, List<String>> frequent = new LinkedHashMap<>();
    Map<String, List<String>> infrequent = new LinkedHashMap<>();
    for (String name : columns) {
      TreeMap<String, Integer> counts = counts(train.column(name));
      List<String> rare = rare(counts, train.rowCount());
      List<String> kept = new ArrayList<>(counts.keySet());
      kept.removeAll(rare);
      frequent.put(name, kept);
      if (!rare.isEmpty()) {
        infrequent.put(name, rare);
      }
    }
    return new FittedOneHot(frequent, handleUnknown.equals("ignore"), infrequent,
        handleUnknown.equals("infrequent_if_exist"), sparse);
  }

  private static TreeMap<String, Integer> counts(Column c) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < c.size(); i++) {
      if (!c.isNull(i)) {
        counts.merge(String.valueOf(c.get(i)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Returns the infrequent categories in sorted order, as scikit-learn 1.2 chooses them. */
  private List<String> rare(TreeMap<String, Integer> counts, int rows) {
    List<String> sorted = new ArrayList<>(counts.keySet());
    boolean[] rare = new boolean[sorted.size()];
    double threshold = minFrequency == null ? 0
        : minFrequency >= 1 ? minFrequency : minFrequency * rows;
    int rareCount = 0;
    for (int k = 0; k < sorted.size(); k++) {
      rare[k] = counts.get(sorted.get(k)) < threshold;
      rareCount += rare[k] ? 1 : 0;
    }
    if (maxCategories != null && maxCategories < sorted.size() - rareCount + 1) {
      List<Integer> byCount = new ArrayList<>();
      for (int k = 0; k < sorted.size(); k++) {
        byCount.add(k);
      }
      byCount.sort((a, b) -> Integer.compare(counts.get(sorted.get(a)), counts.get(sorted.get(b))));
      for (int k = 0; k < sorted.size() - (maxCategories - 1); k++) {
        rare[byCount.get(k)] = true;
      }
    }
    List<String> out = new ArrayList<>();
    for (int k = 0; k < sorted.size(); k++) {
      if (rare[k]) {
        out.add(sorted.get(k));
      }
    }
    return out;
  }
}
