package dev.kiln.quality.validation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.ColumnType;
import java.util.List;
import java.util.Locale;

/**
 * The expectations on one column. Null fields are not checked. In YAML and JSON the type is
 * written in lower case ({@code double}) and the bounds of a timestamp column as ISO date-times
 * in UTC ({@code 2024-01-31T12:00:00}); dates ({@code 2024-01-31}) and epoch microseconds are
 * also read.
 *
 * @param type the expected type
 * @param nullable whether missing values are allowed (default true)
 * @param min the smallest allowed number (epoch microseconds for a timestamp)
 * @param max the largest allowed number (epoch microseconds for a timestamp)
 * @param categories the allowed values of a text column
 * @param regex a pattern every text value must match entirely
 * @param unique whether values must be unique
 * @param policy what a failure does (default fail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnRule(@JsonIgnore ColumnType type, Boolean nullable, @JsonIgnore Double min,
    @JsonIgnore Double max, List<String> categories, String regex, Boolean unique,
    Policy policy) {

  /**
   * Reads a rule as written in a schema file.
   *
   * @throws dev.kiln.data.DataFormatException for an unknown type or a bound that is neither a
   *     number nor (for a timestamp) an ISO date or date-time
   */
  @JsonCreator
  static ColumnRule fromJson(@JsonProperty("type") String type,
      @JsonProperty("nullable") Boolean nullable, @JsonProperty("min") JsonNode min,
      @JsonProperty("max") JsonNode max, @JsonProperty("categories") List<String> categories,
      @JsonProperty("regex") String regex, @JsonProperty("unique") Boolean unique,
      @JsonProperty("policy") Policy policy) {
    ColumnType t = type == null ? null : ColumnType.parse(type);
    return new ColumnRule(t, nullable, RuleBounds.read(min, "min"), RuleBounds.read(max, "max"),
        categories, regex, unique, policy);
  }

  /** Returns a rule that expects only a type (or nothing, for null) and checks nothing else. */
  public static ColumnRule of(ColumnType type) {
    return new ColumnRule(type, null, null, null, null, null, null, null);
  }

  /** Returns a copy that does (or does not) allow missing values. */
  public ColumnRule withNullable(Boolean allowed) {
    return new ColumnRule(type, allowed, min, max, categories, regex, unique, policy);
  }

  /** Returns a copy with these bounds (null: unbounded on that side). */
  public ColumnRule withRange(Double smallest, Double largest) {
    return new ColumnRule(type, nullable, smallest, largest, categories, regex, unique, policy);
  }

  /** Returns a copy that allows only these values (null: any). */
  public ColumnRule withCategories(List<String> allowed) {
    return new ColumnRule(type, nullable, min, max, allowed, regex, unique, policy);
  }

  /** Returns a copy whose text values must match this pattern entirely (null: any). */
  public ColumnRule withRegex(String pattern) {
    return new ColumnRule(type, nullable, min, max, categories, pattern, unique, policy);
  }

  /** Returns a copy that does (or does not) require unique values. */
  public ColumnRule withUnique(Boolean required) {
    return new ColumnRule(type, nullable, min, max, categories, regex, required, policy);
  }

  /** Returns a copy whose failures do what {@code onFailure} says. */
  public ColumnRule withPolicy(Policy onFailure) {
    return new ColumnRule(type, nullable, min, max, categories, regex, unique, onFailure);
  }

  /** Returns the policy, FAIL when unset. */
  public Policy effectivePolicy() {
    return policy == null ? Policy.FAIL : policy;
  }

  @JsonProperty("type")
  String typeName() {
    return type == null ? null : type.name().toLowerCase(Locale.ROOT);
  }

  @JsonProperty("min")
  Object minValue() {
    return RuleBounds.write(type, min);
  }

  @JsonProperty("max")
  Object maxValue() {
    return RuleBounds.write(type, max);
  }
}
