package dev.kiln.data.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Frame;
import dev.kiln.data.Frames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: sql}: a query over the node's input frames, each a table under the name the
 * declaration gives it (the dataset name for a list of inputs, the key for a mapping), run by
 * DuckDB as {@link Frames#sql} does: joins, aggregations, filters, window functions, files.
 */
public final class SqlNode implements NodeType {
  /**
   * The parameters.
   *
   * @param query the SQL query (DuckDB's dialect); its result is the node's output
   */
  public record Params(String query) {
    /** Validates. */
    public Params {
      if (query == null || query.isBlank()) {
        throw new KilnException("parameter 'query' is required.", "write the query, e.g."
            + " 'query: select * from transactions where Amount > 0'");
      }
    }
  }

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String summary() {
    return "Runs a SQL query (DuckDB) over the input frames, each a table by its name.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.many("tables", Frame.class, "a table the query reads"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("data", Frame.class, "the query's result"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Map<String, Frame> tables = new LinkedHashMap<>();
    call.inputs().forEach((name, value) -> tables.put(name, (Frame) value));
    return Map.of("data", Frames.sql(call.parameters(Params.class).query(), tables));
  }
}
