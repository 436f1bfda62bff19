package dev.kiln.quality.validation;

import java.util.List;

/**
 * One rule's outcome.
 *
 * @param rule the rule, e.g. {@code min}, {@code categories}, {@code rows.min}
 * @param column the column, or {@code *} for data-set rules
 * @param failing the number of failing rows (or 1 for a data-set rule)
 * @param examples up to five failing values
 * @param policy what the failure does
 */
public record RuleResult(String rule, String column, long failing, List<String> examples,
    Policy policy) {
  /** Copies the list. */
  public RuleResult {
    examples = List.copyOf(examples);
  }
}
