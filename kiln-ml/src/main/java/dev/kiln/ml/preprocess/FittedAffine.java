package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A fitted scaler: {@code (x - offset) / scale} per column, as double columns; missing values
 * stay missing.
 *
 * @param columns the columns
 * @param offset what is subtracted, per column
 * @param scale what is divided by, per column
 */
public record FittedAffine(List<String> columns, double[] offset, double[] scale)
    implements FittedStep {

  /** Copies the list. */
  public FittedAffine {
    columns = List.copyOf(columns);
  }

  @Override
  public Frame transform(Frame frame) {
    List<Column> scaled = new ArrayList<>(columns.size());
    for (int j = 0; j < columns.size(); j++) {
      Column c = Numeric.column(frame, columns.get(j));
      double[] out = new double[c.size()];
      BitSet nulls = new BitSet();
      for (int i = 0; i < out.length; i++) {
        if (c.isNull(i)) {
          nulls.set(i);
        } else {
          out[i] = (c.getDouble(i) - offset[j]) / scale[j];
        }
      }
      scaled.add(new DoubleColumn(c.name(), out, nulls));
    }
    return frame.withColumns(scaled);
  }
}
