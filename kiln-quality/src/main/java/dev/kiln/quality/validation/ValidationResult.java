package dev.kiln.quality.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.data.Frame;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of validating a frame: every rule's result, the rows that may continue, and the
 * quarantined rows with a {@code _reasons} column (nothing is dropped silently).
 *
 * @param rules the failing rules (passing rules are not listed)
 * @param clean rows not quarantined
 * @param quarantine quarantined rows plus {@code _reasons}
 */
public record ValidationResult(List<RuleResult> rules, Frame clean, Frame quarantine) {
  /** Copies the list. */
  public ValidationResult {
    rules = List.copyOf(rules);
  }

  /** Returns whether no rule with policy FAIL failed. */
  public boolean passed() {
    return rules.stream().noneMatch(r -> r.policy() == Policy.FAIL);
  }

  /** Returns a readable table: rule, column, failing count, policy, examples. */
  public String toTable() {
    if (rules.isEmpty()) {
      return "All rules passed.\n";
    }
    StringBuilder out = new StringBuilder(String.format("%-12s %-20s %8s  %-10s %s%n", "rule",
        "column", "failing", "policy", "examples"));
    for (RuleResult r : rules) {
      out.append(String.format(Locale.ROOT, "%-12s %-20s %8d  %-10s %s%n", r.rule(), r.column(),
          r.failing(), r.policy().name().toLowerCase(Locale.ROOT), r.examples()));
    }
    return out.toString();
  }

  /** Returns the report as JSON (rules, counts, passed). */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
          java.util.Map.of("passed", passed(), "rows_clean", clean.rowCount(),
              "rows_quarantined", quarantine.rowCount(), "rules", rules));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
