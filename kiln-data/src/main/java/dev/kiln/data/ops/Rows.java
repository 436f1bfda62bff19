package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Row selection by content: duplicates and missing values. */
public final class Rows {
  private Rows() {}

  /**
   * Returns the frame without rows whose values in {@code subset} repeat an earlier row's (the
   * first is kept, order is kept). Missing values equal each other, as in pandas.
   *
   * @param subset the columns compared; empty means all
   * @throws dev.kiln.data.DataFormatException naming a missing column
   */
  public static Frame dropDuplicates(Frame frame, List<String> subset) {
    GroupIndex index = GroupIndex.of(keys(frame, subset));
    return index.groups == frame.rowCount() ? frame : frame.take(index.firstRow);
  }

  /**
   * Returns the frame without rows that miss a value (null, or NaN in a double column) in
   * {@code subset}.
   *
   * @param subset the columns checked; empty means all
   * @throws dev.kiln.data.DataFormatException naming a missing column
   */
  public static Frame dropNulls(Frame frame, List<String> subset) {
    int n = frame.rowCount();
    boolean[] drop = new boolean[n];
    boolean any = false;
    for (Column c : columns(frame, subset)) {
      if (c instanceof DoubleColumn d) {
        for (int i = 0; i < n; i++) {
          double x = d.getDouble(i);
          drop[i] |= x != x;
        }
        any = true;
      } else if (c.nullCount() > 0) {
        for (int i = 0; i < n; i++) {
          drop[i] |= c.isNull(i);
        }
        any = true;
      }
    }
    if (!any) {
      return frame;
    }
    int[] keep = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!drop[i]) {
        keep[k++] = i;
      }
    }
    return k == n ? frame : frame.take(Arrays.copyOf(keep, k));
  }

  static KeyColumns keys(Frame frame, List<String> subset) {
    return new KeyColumns(columns(frame, subset), frame.rowCount());
  }

  static List<Column> columns(Frame frame, List<String> subset) {
    if (subset.isEmpty()) {
      return frame.columns();
    }
    List<Column> out = new ArrayList<>();
    subset.forEach(name -> out.add(frame.column(name)));
    return out;
  }
}
