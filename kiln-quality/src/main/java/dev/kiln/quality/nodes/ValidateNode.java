package dev.kiln.quality.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Frame;
import dev.kiln.quality.validation.ColumnRule;
import dev.kiln.quality.validation.Policy;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.ValidationReport;
import dev.kiln.quality.validation.ValidationResult;
import dev.kiln.quality.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: validate}: checks rows against a schema; rows breaking a quarantine rule go to
 * {@code quarantine} with their reasons, the rest to {@code data}; {@code report} says what
 * failed. It never stops the run itself, so the report and quarantine are saved: follow it with
 * a {@code gate} node.
 */
public final class ValidateNode implements NodeType {
  /**
   * The parameters.
   *
   * @param policy {@code strict} (the schema's policies) or {@code lenient} (fail rules
   *     quarantine instead)
   */
  public record Params(String policy) {
    /** Validates. */
    public Params {
      policy = policy == null ? "strict" : policy;
      if (!policy.equals("strict") && !policy.equals("lenient")) {
        throw new KilnException("parameter 'policy' must be strict or lenient, got '" + policy
            + "'.", "strict applies the schema's policies; lenient quarantines instead of failing");
      }
    }
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "Checks rows against a schema: quarantines bad rows, reports failing rules.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the rows to check"),
        Port.required("schema", Schema.class, "the rules (a 'schema' catalog entry)"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("data", Frame.class, "the rows that pass"),
        Port.required("report", ValidationReport.class, "the failing rules and counts"),
        Port.optional("quarantine", Frame.class, "the quarantined rows, with _reasons"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Params p = call.parameters(Params.class);
    Schema schema = call.input("schema", Schema.class);
    ValidationResult result = Validator.validate(call.input("data", Frame.class),
        p.policy().equals("lenient") ? lenient(schema) : schema, List.of());
    System.out.print(result.toTable());
    System.out.println(result.summary());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("data", result.clean());
    out.put("report", ValidationReport.of(result));
    out.put("quarantine", result.quarantine());
    return out;
  }

  /** Returns the schema with every failing column rule quarantining instead. */
  static Schema lenient(Schema schema) {
    Map<String, ColumnRule> rules = new LinkedHashMap<>();
    schema.columns().forEach((name, r) -> rules.put(name, r.effectivePolicy() != Policy.FAIL ? r
        : r.withPolicy(Policy.QUARANTINE)));
    return new Schema(rules, schema.rows());
  }
}
