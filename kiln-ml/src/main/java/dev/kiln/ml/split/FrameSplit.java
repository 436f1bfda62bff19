package dev.kiln.ml.split;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

  /**
   * Splits by time: the latest {@code testFraction} of the rows by {@code column} (a number or
   * timestamp) are the test rows, so the model is judged on the future, as in production. Rows
   * with a missing time go to train.
   *
   * @throws KilnException if the column holds text or the fraction is not in (0, 1)
   */
  public static FrameSplit byTime(Frame frame, String column, double testFraction) {
    checkFraction(testFraction);
    Column c = frame.column(column);
    if (!c.type().isNumeric()) {
      throw new KilnException("Column '" + column + "' holds text; a time split needs numbers,"
          + " dates or timestamps.", "name a date or timestamp column as time_column");
    }
    double[] t = c.toDoubleArray();
    Integer[] order = IntStream.range(0, t.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(t[i])
        ? Double.NEGATIVE_INFINITY : t[i]).thenComparingInt(i -> i));
    int nTest = (int) Math.round(t.length * testFraction);
    int[] train = sorted(Arrays.stream(order, 0, t.length - nTest).mapToInt(i -> i).toArray());
    int[] test = sorted(Arrays.stream(order, t.length - nTest, t.length).mapToInt(i -> i)
        .toArray());
    return new FrameSplit(frame.take(train), frame.take(test));
  }

  /**
   * Splits by group: every row of a group (e.g. a customer) lands on the same side, so the
   * test score is not flattered by rows of groups seen in training. Groups are drawn at random
   * until the test side holds about {@code testFraction} of the rows.
   *
   * @throws KilnException if the fraction is not in (0, 1)
   */
  public static FrameSplit byGroup(Frame frame, String column, double testFraction, long seed) {
    checkFraction(testFraction);
    Column c = frame.column(column);
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < c.size(); i++) {
      groups.computeIfAbsent(Objects.toString(c.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> shuffled = new ArrayList<>(groups.values());
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
    }
    long target = Math.round(c.size() * testFraction);
    List<Integer> test = new ArrayList<>();
    List<Integer> train = new ArrayList<>();
    for (List<Integer> g : shuffled) {
      (test.size() < target ? test : train).addAll(g);
    }
    return new FrameSplit(frame.take(sorted(train.stream().mapToInt(i -> i).toArray())),
        frame.take(sorted(test.stream().mapToInt(i -> i).toArray())));
  }

  /** Returns a column's values as class indexes: rounded numbers, or one index per text. */
  public static int[] classes(Column column) {
    int[] out = new int[column.size()];
    Map<Object, Integer> codes = new java.util.HashMap<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = column.type().isNumeric() ? (int) Math.round(column.getDouble(i))
          : codes.computeIfAbsent(Objects.toString(column.get(i)), k -> codes.size());
    }
    return out;
  }

  private static void checkFraction(double f) {
    if (!(f > 0 && f < 1)) {
      throw new KilnException("Test fraction must be between 0 and 1, was " + f + ".",
          "use e.g. 0.2 for 20% test rows");
    }
  }

  private static int[] sorted(int[] rows) {
    Arrays.sort(rows);
    return rows;
  }
}
