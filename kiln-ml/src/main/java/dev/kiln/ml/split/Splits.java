package dev.kiln.ml.split;

import dev.kiln.core.KilnException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Seeded train/test splits and K-fold partitions over row indexes, optionally stratified by class
 * so every part keeps the class proportions (essential for imbalanced data such as fraud).
 */
public final class Splits {
  private Splits() {}

  /**
   * Splits {@code rows} row indexes into train and test.
   *
   * @param classes class of each row for stratification, or null for a plain shuffle
   * @throws KilnException if the test fraction is not strictly between 0 and 1
   */
  public static Split trainTest(int rows, double testFraction, long seed, int[] classes) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new KilnException("Test fraction must be between 0 and 1, was " + testFraction + ".",
          "use e.g. 0.2 for 20% test rows");
    }
    List<int[]> groups = groups(rows, classes, seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] group : groups) {
      int nTest = (int) Math.round(group.length * testFraction);
      for (int i = 0; i < group.length; i++) {
        (i < nTest ? test : train).add(group[i]);
      }
    }
    return new Split(sorted(train), sorted(test));
  }

  /**
   * Returns K folds: in fold k, test holds every row dealt to k and train the rest.
   *
   * @param classes class of each row for stratified folds, or null
   * @throws KilnException if k is below 2 or above the row count
   */
  public static List<Split> kFold(int rows, int k, long seed, int[] classes) {
    if (k < 2 || k > rows) {
      throw new KilnException("K-fold needs 2 <= k <= rows, got k=" + k + " for " + rows
          + " rows.", "use k = 5 or 10");
    }
    int[] fold = new int[rows];
    int next = 0;
    for (int[] group : groups(rows, classes, seed)) {
      for (int row : group) {
        fold[row] = next++ % k;
      }
    }
    List<Split> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      int ff = f;
      folds.add(new Split(IntStream.range(0, rows).filter(r -> fold[r] != ff).toArray(),
          IntStream.range(0, rows).filter(r -> fold[r] == ff).toArray()));
    }
    return folds;
  }

  /** Shuffled row indexes, one group per class (one group when not stratified). */
  private static List<int[]> groups(int rows, int[] classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (classes == null) {
      return List.of(shuffle(IntStream.range(0, rows).toArray(), random));
    }
    if (classes.length != rows) {
      throw new KilnException("Stratification needs one class per row: " + classes.length
          + " classes for " + rows + " rows.", "pass the label column of the same frame");
    }
    TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int r = 0; r < rows; r++) {
      byClass.computeIfAbsent(classes[r], c -> new ArrayList<>()).add(r);
    }
    List<int[]> result = new ArrayList<>();
    byClass.values().forEach(g -> result.add(shuffle(sorted(g), random)));
    return result;
  }

  private static int[] shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static int[] sorted(List<Integer> list) {
    int[] a = list.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
