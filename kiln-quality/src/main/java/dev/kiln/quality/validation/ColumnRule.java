package dev.kiln.quality.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.data.ColumnType;
import java.util.List;

/**
 * The expectations on one column. Null fields are not checked.
 *
 * @param type the expected type
 * @param nullable whether missing values are allowed (default true)
 * @param min the smallest allowed number
 * @param max the largest allowed number
 * @param categories the allowed values of a text column
 * @param regex a pattern every text value must match entirely
 * @param unique whether values must be unique
 * @param policy what a failure does (default fail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnRule(ColumnType type, Boolean nullable, Double min, Double max,
    List<String> categories, String regex, Boolean unique, Policy policy) {

  /** Returns the policy, FAIL when unset. */
  public Policy effectivePolicy() {
    return policy == null ? Policy.FAIL : policy;
  }
}
