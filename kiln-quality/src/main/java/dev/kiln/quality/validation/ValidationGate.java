package dev.kiln.quality.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import java.util.Map;

/** Stops a pipeline when validation failed: use it in the node after the one saving the report. */
public final class ValidationGate {
  private ValidationGate() {}

  /**
   * Passes when no rule with policy FAIL failed; the message is {@link
   * ValidationReport#requirePassed}'s.
   *
   * @param report the JSON report as the validating node saved it (passed, rules)
   * @param reportLocation where the report is, for the message
   * @throws KilnException naming each failing rule, its column, count and example rows, and the
   *     report
   */
  public static void check(Map<String, Object> report, String reportLocation) {
    new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .convertValue(report, ValidationReport.class).requirePassed(reportLocation);
  }
}
