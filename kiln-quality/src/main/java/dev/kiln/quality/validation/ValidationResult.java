package dev.kiln.quality.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.data.Frame;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of validating a frame: every rule's result, the rows that may continue, and the
 * quarantined rows with {@code _reasons} and {@code _row} columns (nothing is dropped silently).
 *
 * @param rules the failing rules (passing rules are not listed)
 * @param clean rows not quarantined, with text columns converted to their declared types
 * @param quarantine quarantined rows as read, plus {@code _reasons} and {@code _row} (1 is the
 *     first data row)
 * @param rowsFailed rows breaking a rule with policy fail (they stay in {@code clean})
 */
public record ValidationResult(List<RuleResult> rules, Frame clean, Frame quarantine,
    long rowsFailed) {
  /** Copies the list. */
  public ValidationResult {
    rules = List.copyOf(rules);
  }

  /** Returns whether no rule with policy FAIL failed. */
  public boolean passed() {
    return rules.stream().noneMatch(r -> r.policy() == Policy.FAIL);
  }

  /** Returns the rows that broke no rule with policy fail or quarantine. */
  public long rowsPassed() {
    return clean.rowCount() - rowsFailed;
  }

  /** Returns one line of counts, e.g. {@code 406 rows: 405 pass, 1 failed, 0 quarantined}. */
  public String summary() {
    return String.format(Locale.ROOT, "%,d rows: %,d pass, %,d failed, %,d quarantined",
        clean.rowCount() + quarantine.rowCount(), rowsPassed(), rowsFailed,
        quarantine.rowCount());
  }

  /** Returns a readable table: rule, column, failing count, policy, examples with their rows. */
  public String toTable() {
    if (rules.isEmpty()) {
      return "All rules passed.\n";
    }
    StringBuilder out = new StringBuilder(String.format("%-12s %-20s %8s  %-10s %s%n", "rule",
        "column", "failing", "policy", "examples"));
    for (RuleResult r : rules) {
      out.append(String.format(Locale.ROOT, "%-12s %-20s %8d  %-10s %s%n", r.rule(), r.column(),
          r.failing(), r.policy().name().toLowerCase(Locale.ROOT), r.examplesText()));
    }
    return out.toString();
  }

  /** Returns the report as JSON (passed, row counts, rules with examples and their rows). */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(ValidationReport.of(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
