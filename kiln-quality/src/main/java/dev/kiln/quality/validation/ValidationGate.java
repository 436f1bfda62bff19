package dev.kiln.quality.validation;

import dev.kiln.core.KilnException;
import java.util.stream.Collectors;

/** Stops a pipeline when validation failed: use it in the node after the one saving the report. */
public final class ValidationGate {
  private ValidationGate() {}

  /**
   * Passes when no rule with policy FAIL failed.
   *
   * @param report the JSON report as the validating node saved it (passed, rules)
   * @param reportLocation where the report is, for the message
   * @throws KilnException naming each failing rule, its column and count, and the report
   */
  public static void check(java.util.Map<String, Object> report, String reportLocation) {
    if (Boolean.TRUE.equals(report.get("passed"))) {
      return;
    }
    Object rules = report.get("rules");
    String failing = rules instanceof java.util.List<?> list ? list.stream()
        .map(r -> (java.util.Map<?, ?>) r).filter(r -> "FAIL".equals(String.valueOf(r.get("policy"))))
        .map(r -> r.get("rule") + " on '" + r.get("column") + "' (" + r.get("failing") + " rows)")
        .collect(Collectors.joining(", ")) : "";
    throw new KilnException("Validation failed: " + failing + "; training does not run on this"
        + " data. The report is " + reportLocation + ".",
        "fix the data, or change the rule's policy to quarantine or warn in the schema");
  }
}
