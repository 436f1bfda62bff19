package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived columns computed in order, each able to read the input columns and the ones before it:
 * vectorized over a frame ({@link #apply}) or per row ({@link #compile}) with the same results.
 * A derived column may not reuse the name of an input column or of another derived column.
 */
public final class DerivedColumns {
  private final List<DerivedColumn> columns;

  private DerivedColumns(List<DerivedColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Creates the list (checked against a schema by {@link #outputSchema}, {@link #apply}). */
  public static DerivedColumns of(List<DerivedColumn> columns) {
    return new DerivedColumns(columns);
  }

  /** Returns the derived columns in order. */
  public List<DerivedColumn> columns() {
    return columns;
  }

  /**
   * Returns the input schema followed by the derived columns.
   *
   * @throws ExpressionException naming the column and position of an error
   * @throws DataFormatException if a derived column reuses a name
   */
  public FrameSchema outputSchema(FrameSchema input) {
    Map<String, ColumnType> types = new LinkedHashMap<>(input.columns());
    for (DerivedColumn d : columns) {
      types.put(d.name(), bind(d, new FrameSchema(types)).type);
    }
    return new FrameSchema(types);
  }

  /**
   * Returns the frame with the derived columns appended, computed over whole columns.
   *
   * @throws ExpressionException naming the column and position of an error
   */
  public Frame apply(Frame frame) {
    Frame out = frame;
    for (DerivedColumn d : columns) {
      out = out.withColumn(d.parsed().evaluate(bind(d, out.schema()), out, d.name()));
    }
    return out;
  }

  /**
   * Compiles the derived columns for per-row evaluation over rows of the input schema.
   *
   * @throws ExpressionException naming the column and position of an error
   */
  public RowProgram compile(FrameSchema input) {
    Map<String, ColumnType> types = new LinkedHashMap<>(input.columns());
    List<Node> nodes = new ArrayList<>();
    for (DerivedColumn d : columns) {
      Node node = bind(d, new FrameSchema(types));
      nodes.add(node);
      types.put(d.name(), node.type);
    }
    return new RowProgram(input, new FrameSchema(types), nodes);
  }

  private static Node bind(DerivedColumn d, FrameSchema schema) {
    if (schema.columns().containsKey(d.name())) {
      throw new DataFormatException("Derived column '" + d.name() + "' would overwrite a column "
          + "of the same name.", "give the derived column a new name");
    }
    Expression e = d.parsed();
    try {
      return d.type() == null ? e.bind(schema) : e.bindAs(schema, d.type());
    } catch (ExpressionException ex) {
      throw new DataFormatException("Derived column '" + d.name() + "': " + ex.getMessage(),
          ex.hint().orElse(null), ex);
    }
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
