package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted imputer: the fill value per column. Numeric columns come out as doubles.
 *
 * @param values column name to fill value (a number or a string)
 */
public record FittedImputer(Map<String, Object> values) implements FittedStep {
  /** Copies the map. */
  public FittedImputer {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public Frame transform(Frame frame) {
    List<Column> filled = new ArrayList<>(values.size());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Column c = frame.column(e.getKey());
      filled.add(c.type() == ColumnType.STRING
          ? fillStrings(c, String.valueOf(e.getValue())) : fillNumbers(c, e.getValue()));
    }
    return frame.withColumns(filled);
  }

  private static Column fillStrings(Column c, String fill) {
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.isNull(i) ? fill : (String) c.get(i);
    }
    return new StringColumn(c.name(), out);
  }

  private static Column fillNumbers(Column c, Object fill) {
    if (!(fill instanceof Number number)) {
      throw new DataFormatException("Cannot fill numeric column '" + c.name() + "' with '" + fill
          + "'.", "use a number as the imputer's fill value for numeric columns");
    }
    double[] out = c.toDoubleArray();
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        out[i] = number.doubleValue();
      }
    }
    return DoubleColumn.of(c.name(), out);
  }
}
