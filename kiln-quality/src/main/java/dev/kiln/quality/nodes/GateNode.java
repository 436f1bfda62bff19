package dev.kiln.quality.nodes;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Frame;
import dev.kiln.quality.validation.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * {@code type: gate}: passes the rows on when the validation report has no failing rule with
 * policy fail, and stops the run otherwise (the report is saved by then).
 */
public final class GateNode implements NodeType {
  /**
   * The parameters.
   *
   * @param report where the report is saved, named in the message (optional)
   */
  public record Params(String report) {}

  @Override
  public String name() {
    return "gate";
  }

  @Override
  public String summary() {
    return "Stops the run when validation failed; passes the rows on otherwise.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the validated rows"),
        Port.required("report", ValidationReport.class, "the validation report"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("data", Frame.class, "the same rows, when validation passed"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    call.input("report", ValidationReport.class)
        .requirePassed(call.parameters(Params.class).report());
    return Map.of("data", call.input("data", Frame.class));
  }
}
