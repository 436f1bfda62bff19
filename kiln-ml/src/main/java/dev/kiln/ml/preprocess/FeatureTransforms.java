package dev.kiln.ml.preprocess;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.data.expr.DerivedColumns;
import dev.kiln.data.expr.RowProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived feature columns (expressions over the raw record, see docs/expressions.md) and the raw
 * columns to drop once they are derived. The first step of a bundle's preprocessing, so training,
 * batch scoring and serving compute the features with the same engine from the raw record.
 *
 * @param columns the derived columns, in order (each may read the ones before it)
 * @param drop raw columns that are not features themselves (e.g. {@code Time} once {@code hour}
 *     is derived from it)
 */
public record FeatureTransforms(List<DerivedColumn> columns, List<String> drop)
    implements FittedStep {
  /** Copies the lists. */
  public FeatureTransforms {
    columns = List.copyOf(columns);
    drop = drop == null ? List.of() : List.copyOf(drop);
  }

  /**
   * Returns the schema after the transforms.
   *
   * @throws DataFormatException naming the derived column and the problem (a missing column,
   *     mixed types, a name that overwrites an input) or a dropped column that does not exist
   */
  public FrameSchema outputSchema(FrameSchema input) {
    FrameSchema all = DerivedColumns.of(columns).outputSchema(input);
    for (String c : drop) {
      if (!input.columns().containsKey(c)) {
        throw new DataFormatException("Column '" + c + "' to drop is not in the data.",
            "columns are " + input.columns().keySet());
      }
    }
    Map<String, ColumnType> kept = new LinkedHashMap<>(all.columns());
    kept.keySet().removeAll(drop);
    return new FrameSchema(kept);
  }

  /**
   * Compiles the derived columns for per-row evaluation over rows of {@code input} (the dropped
   * columns stay in the row buffer; read only the slots you need).
   *
   * @throws DataFormatException as {@link #outputSchema}
   */
  public RowProgram compile(FrameSchema input) {
    outputSchema(input);
    return DerivedColumns.of(columns).compile(input);
  }

  @Override
  public Frame transform(Frame frame) {
    Frame derived = DerivedColumns.of(columns).apply(frame);
    if (drop.isEmpty()) {
      return derived;
    }
    List<String> kept = new ArrayList<>(derived.columnNames());
    kept.removeAll(drop);
    return derived.select(kept);
  }
}
