package dev.kiln.quality.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.KilnException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What validation found, as built-in nodes pass it on and the catalog saves it (JSON): whether
 * no rule with policy fail failed, the row counts and the failing rules.
 *
 * @param passed whether no rule with policy fail failed
 * @param rowsPassed rows that broke no rule with policy fail or quarantine
 * @param rowsFailed rows that broke a rule with policy fail
 * @param rowsClean rows that may continue
 * @param rowsQuarantined rows set aside with their reasons
 * @param rules the failing rules
 */
public record ValidationReport(boolean passed, @JsonProperty("rows_passed") long rowsPassed,
    @JsonProperty("rows_failed") long rowsFailed, @JsonProperty("rows_clean") long rowsClean,
    @JsonProperty("rows_quarantined") long rowsQuarantined, List<RuleResult> rules) {

  /** Copies the list. */
  public ValidationReport {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** Returns the report of a validation result. */
  public static ValidationReport of(ValidationResult result) {
    return new ValidationReport(result.passed(), result.rowsPassed(), result.rowsFailed(),
        result.clean().rowCount(),
        result.quarantine().rowCount(), result.rules());
  }

  /**
   * Passes when no rule with policy fail failed.
   *
   * @param location where the report is saved, for the message (may be null)
   * @throws KilnException naming each failing rule, its column and count
   */
  public void requirePassed(String location) {
    if (passed) {
      return;
    }
    String failing = rules.stream().filter(r -> r.policy() == Policy.FAIL)
        .map(RuleResult::describe)
        .collect(Collectors.joining(", "));
    throw new KilnException("Validation failed: " + failing + "; training does not run on this"
        + " data." + (location == null ? "" : " The report is " + location + "."),
        "fix the data, or change the rule's policy to quarantine or warn in the schema");
  }
}
