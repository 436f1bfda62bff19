package dev.kiln.ml.split;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;

/**
 * A frame split into train and test rows.
 *
 * @param train the training rows
 * @param test the test rows
 */
public record FrameSplit(Frame train, Frame test) {

  /**
   * Splits a frame, stratified by a label column when one is given.
   *
   * @param stratifyBy the column whose classes keep their proportions, or null
   */
  public static FrameSplit of(Frame frame, String stratifyBy, double testFraction, long seed) {
    int[] classes = stratifyBy == null ? null : classes(frame.column(stratifyBy));
    Split split = Splits.trainTest(frame.rowCount(), testFraction, seed, classes);
    return new FrameSplit(frame.take(split.train()), frame.take(split.test()));
  }

  /** Returns a column's values as class indexes (rounded numbers). */
  public static int[] classes(Column column) {
    int[] out = new int[column.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) Math.round(column.getDouble(i));
    }
    return out;
  }
}
