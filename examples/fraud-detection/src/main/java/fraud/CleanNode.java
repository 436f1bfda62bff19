package fraud;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.data.Frame;
import java.util.List;
import java.util.Map;

/**
 * The project's own node type, mixed with the built-in ones in {@code conf/base/pipelines.yml}
 * ({@code type: fraud.CleanNode}): drops rows with a missing value and exact duplicates, and
 * reports how many of each were dropped (nothing is removed silently).
 */
public final class CleanNode implements NodeType {
  /** No parameters. */
  public record Params() {}

  @Override
  public String name() {
    return "fraud.CleanNode";
  }

  @Override
  public String summary() {
    return "Drops incomplete and duplicate transactions, counting each.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the gated transactions"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("data", Frame.class, "the complete, distinct transactions"),
        Port.optional("report", Metrics.class, "rows in and out, and why rows were dropped"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Frame raw = call.input("data", Frame.class);
    Frame complete = raw.dropNulls();
    Frame clean = complete.dropDuplicates();
    Metrics report = Metrics.of(Map.of("rows_in", (double) raw.rowCount(),
        "rows_out", (double) clean.rowCount(),
        "dropped_missing", (double) raw.rowCount() - complete.rowCount(),
        "dropped_duplicates", (double) complete.rowCount() - clean.rowCount()));
    return Map.of("data", clean, "report", report);
  }
}
