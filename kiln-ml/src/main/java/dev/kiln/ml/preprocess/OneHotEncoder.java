package dev.kiln.ml.preprocess;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces each categorical column by one 0/1 double column per category seen in training, named
 * {@code column=category}, in sorted category order. Categories unseen in training either fail the
 * transformation ({@code handle_unknown: error}, the default) or give all zeros ({@code ignore}).
 * A missing value gives all zeros.
 *
 * @param columns the columns to encode
 * @param handleUnknown {@code error} or {@code ignore}
 */
public record OneHotEncoder(List<String> columns,
    @com.fasterxml.jackson.annotation.JsonProperty("handle_unknown") String handleUnknown)
    implements Step {

  /**
   * Validates the policy.
   *
   * @throws KilnException for a policy other than error or ignore
   */
  public OneHotEncoder {
    columns = List.copyOf(columns);
    handleUnknown = handleUnknown == null ? "error" : handleUnknown;
    if (!handleUnknown.equals("error") && !handleUnknown.equals("ignore")) {
      throw new KilnException("Unknown handle_unknown policy '" + handleUnknown + "'.",
          "use 'error' or 'ignore'");
    }
  }

  @Override
  public FittedStep fit(Frame train) {
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (String name : columns) {
      Column c = train.column(name);
      TreeSet<String> seen = new TreeSet<>();
      for (int i = 0; i < c.size(); i++) {
        if (!c.isNull(i)) {
          seen.add(String.valueOf(c.get(i)));
        }
      }
      categories.put(name, new ArrayList<>(seen));
    }
    return new FittedOneHot(categories, handleUnknown.equals("ignore"));
  }
}
