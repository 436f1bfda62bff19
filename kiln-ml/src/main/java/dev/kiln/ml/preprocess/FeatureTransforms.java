package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.data.expr.DerivedColumns;
import dev.kiln.data.expr.Expression;
import dev.kiln.data.expr.ExpressionException;
import dev.kiln.data.expr.RowProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Derived feature columns (expressions over the raw record, see docs/expressions.md) and the raw
 * columns to drop once they are derived. The first step of a bundle's preprocessing, so training,
 * batch scoring and serving compute the features with the same engine from the raw record.
 *
 * <p>Each expression is parsed once, when the step is created (a bundle's, when it is loaded): a
 * frame is then only type-checked against and evaluated, so a server's small requests do not
 * re-parse the bundle's expressions. Immutable and thread-safe.
 */
@JsonPropertyOrder({"columns", "drop"})
public final class FeatureTransforms implements FittedStep {
  private final List<DerivedColumn> columns;
  private final List<String> drop;
  /** The columns' expressions parsed, a declared type as a cast around the expression. */
  private final List<Expression> parsed;

  /**
   * Creates the step and parses its expressions.
   *
   * @param columns the derived columns, in order (each may read the ones before it)
   * @param drop raw columns that are not features themselves (e.g. {@code Time} once {@code hour}
   *     is derived from it), or null for none
   */
  @JsonCreator
  public FeatureTransforms(@JsonProperty("columns") List<DerivedColumn> columns,
      @JsonProperty("drop") List<String> drop) {
    this(columns, drop, Expression::parse);
  }

  /** Creates the step, parsing each expression with {@code parser} (tests count the calls). */
  FeatureTransforms(List<DerivedColumn> columns, List<String> drop,
      Function<String, Expression> parser) {
    this.columns = List.copyOf(columns);
    this.drop = drop == null ? List.of() : List.copyOf(drop);
    List<Expression> expressions = new ArrayList<>();
    for (DerivedColumn d : this.columns) {
      // A declared type converts the value as cast does: DerivedColumns binds it the same way.
      expressions.add(parser.apply(d.type() == null ? d.expression()
          : "cast((" + d.expression() + ") as " + d.type().lowerName() + ")"));
    }
    this.parsed = List.copyOf(expressions);
  }

  /** Returns the derived columns, in order. */
  @JsonProperty("columns")
  public List<DerivedColumn> columns() {
    return columns;
  }

  /** Returns the raw columns dropped once the derived columns are computed. */
  @JsonProperty("drop")
  public List<String> drop() {
    return drop;
  }

  /**
   * Returns the schema after the transforms.
   *
   * @throws DataFormatException naming the derived column and the problem (a missing column,
   *     mixed types, a name that overwrites an input) or a dropped column that does not exist
   */
  public FrameSchema outputSchema(FrameSchema input) {
    Map<String, ColumnType> types = new LinkedHashMap<>(input.columns());
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      if (types.containsKey(name)) {
        throw overwrites(name);
      }
      FrameSchema before = new FrameSchema(types);
      try {
        types.put(name, parsed.get(i).type(before));
      } catch (ExpressionException e) {
        throw failed(name, e);
      }
    }
    for (String c : drop) {
      if (!input.columns().containsKey(c)) {
        throw new DataFormatException("Column '" + c + "' to drop is not in the data.",
            "columns are " + input.columns().keySet());
      }
    }
    types.keySet().removeAll(drop);
    return new FrameSchema(types);
  }

  /**
   * Compiles the derived columns for per-row evaluation over rows of {@code input} (the dropped
   * columns stay in the row buffer; read only the slots you need). Done once per bundle load.
   *
   * @throws DataFormatException as {@link #outputSchema}
   */
  public RowProgram compile(FrameSchema input) {
    outputSchema(input);
    return DerivedColumns.of(columns).compile(input);
  }

  /**
   * Appends the derived columns, evaluated over whole columns with the expressions parsed when
   * the step was created, and drops the raw columns to drop.
   *
   * @throws DataFormatException as {@link #outputSchema}
   */
  @Override
  public Frame transform(Frame frame) {
    Frame derived = frame;
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      if (derived.hasColumn(name)) {
        throw overwrites(name);
      }
      try {
        derived = derived.withColumn(parsed.get(i).evaluate(derived, name));
      } catch (ExpressionException e) {
        throw failed(name, e);
      }
    }
    if (drop.isEmpty()) {
      return derived;
    }
    List<String> kept = new ArrayList<>(derived.columnNames());
    kept.removeAll(drop);
    return derived.select(kept);
  }

  /** The rule of {@link DerivedColumns}: a derived column never replaces a column. */
  private static DataFormatException overwrites(String name) {
    return new DataFormatException("Derived column '" + name + "' would overwrite a column "
        + "of the same name.", "give the derived column a new name");
  }

  private static DataFormatException failed(String name, ExpressionException e) {
    return new DataFormatException("Derived column '" + name + "': " + e.getMessage(),
        e.hint().orElse(null), e);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureTransforms t && t.columns.equals(columns) && t.drop.equals(drop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, drop);
  }

  @Override
  public String toString() {
    return "FeatureTransforms[columns=" + columns + ", drop=" + drop + "]";
  }
}
