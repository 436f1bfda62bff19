package dev.kiln.quality.validation;

import java.util.List;

/**
 * One rule's outcome.
 *
 * @param rule the rule, e.g. {@code type}, {@code min}, {@code categories}, {@code rows.min}
 * @param column the column, or {@code *} for data-set rules
 * @param failing the number of failing rows (or 1 for a data-set rule)
 * @param examples up to five failing values, as the data holds them
 * @param rows the row numbers of those examples (1 is the first data row; a CSV file's line is
 *     one more when it has a header), empty for a data-set rule
 * @param policy what the failure does
 */
public record RuleResult(String rule, String column, long failing, List<String> examples,
    List<Long> rows, Policy policy) {
  /** Copies the lists. */
  public RuleResult {
    examples = examples == null ? List.of() : List.copyOf(examples);
    rows = rows == null ? List.of() : List.copyOf(rows);
  }

  /** Returns the rule in words, e.g. {@code type on 'age' (1 row, e.g. 'eight' (row 301))}. */
  String describe() {
    return rule + " on '" + column + "' (" + failing + (failing == 1 ? " row" : " rows")
        + (examples.isEmpty() ? "" : ", e.g. " + examplesText()) + ")";
  }

  /** Returns the examples with their rows, e.g. {@code 'eight' (row 17)}. */
  String examplesText() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < examples.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(rows.isEmpty() ? examples.get(i)
          : "'" + examples.get(i) + "' (row " + rows.get(i) + ")");
    }
    return out.toString();
  }
}
