package usedcars;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.Frame;
import dev.kiln.quality.validation.ColumnRule;
import dev.kiln.quality.validation.Policy;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.ValidationGate;
import dev.kiln.quality.validation.ValidationResult;
import dev.kiln.quality.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validation nodes: check a batch against the schema, then stop the run if it failed. */
public final class Validation {
  /** Where the catalog saves the report; named by the gate's message. */
  static final String REPORT_LOCATION = "data/08_reporting/validation.json";

  private Validation() {}

  /**
   * Checks the listings against the schema and prints the failing rules. With policy
   * {@code lenient}, column rules whose policy is fail quarantine their rows instead.
   *
   * @throws KilnException for a policy other than strict or lenient
   */
  public static Outputs validate(Frame cars, Schema schema, String policy) throws Exception {
    Schema applied = switch (policy) {
      case "strict" -> schema;
      case "lenient" -> lenient(schema);
      default -> throw new KilnException("validation.policy '" + policy + "' is not known.",
          "use --params validation.policy=strict or validation.policy=lenient");
    };
    ValidationResult result = Validator.validate(cars, applied, List.of());
    System.out.print(result.toTable());
    @SuppressWarnings("unchecked")
    Map<Object, Object> report = new ObjectMapper().readValue(result.toJson(), Map.class);
    return Outputs.of(Pipelines.VALIDATED, result.clean())
        .and(Pipelines.QUARANTINE, result.quarantine())
        .and(Pipelines.REPORT, report);
  }

  /** Passes the clean rows on when no rule with policy fail failed; the report is saved first. */
  @SuppressWarnings("unchecked")
  public static Frame gate(Frame validated, Map report) {
    ValidationGate.check(report, REPORT_LOCATION);
    return validated;
  }

  /** Returns the schema with every failing column rule quarantining instead. */
  static Schema lenient(Schema schema) {
    Map<String, ColumnRule> rules = new LinkedHashMap<>();
    schema.columns().forEach((name, r) -> rules.put(name, r.effectivePolicy() != Policy.FAIL ? r
        : new ColumnRule(r.type(), r.nullable(), r.min(), r.max(), r.categories(), r.regex(),
            r.unique(), Policy.QUARANTINE)));
    return new Schema(rules, schema.rows());
  }
}
