package dev.kiln.ml.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.List;
import java.util.TreeSet;

/**
 * One input field of a model: its type, whether it may be missing, the range seen in training
 * (numbers) and the categories seen in training (strings).
 *
 * @param name the column name
 * @param type the column type
 * @param nullable whether missing values were seen in training
 * @param min the smallest training value (numbers), or null
 * @param max the largest training value (numbers), or null
 * @param categories the training categories (strings), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldSpec(String name, ColumnType type, boolean nullable, Double min, Double max,
    List<String> categories) {

  /** Describes a training column. */
  public static FieldSpec of(Column column) {
    boolean nullable = column.nullCount() > 0;
    if (column.type() == ColumnType.STRING) {
      TreeSet<String> cats = new TreeSet<>();
      for (int i = 0; i < column.size(); i++) {
        if (!column.isNull(i)) {
          cats.add((String) column.get(i));
        }
      }
      return new FieldSpec(column.name(), column.type(), nullable, null, null, List.copyOf(cats));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < column.size(); i++) {
      double v = column.getDouble(i);
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return new FieldSpec(column.name(), column.type(), nullable,
        Double.isInfinite(lo) ? null : lo, Double.isInfinite(hi) ? null : hi, null);
  }
}
