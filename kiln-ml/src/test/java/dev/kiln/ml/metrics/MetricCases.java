package dev.kiln.ml.metrics;

import dev.kiln.quality.oracle.Shrinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random label/score and truth/prediction pairs for the scikit-learn oracle test. */
final class MetricCases {
  private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 10, 31, 100, 500, 2000};
  private static final String[] KINDS = {"random", "ties", "all-tied", "only-negatives",
      "only-positives", "separable", "extreme", "constant-truth", "constant-perfect",
      "zeros-in-truth"};

  private MetricCases() {}

  /**
   * One case: binary labels with scores, and a regression truth with predictions.
   *
   * @param kind what the generator aimed at
   * @param labels 0/1 labels
   * @param scores probabilities of class 1
   * @param truth regression targets
   * @param predicted regression predictions
   */
  record Case(String kind, double[] labels, double[] scores, double[] truth, double[] predicted) {
    /** Variants with a block of rows removed from both pairs, keeping at least one row. */
    List<Case> simpler() {
      List<Case> out = new ArrayList<>();
      for (int[] keep : keeps(labels.length)) {
        out.add(new Case(kind, pick(labels, keep), pick(scores, keep), truth, predicted));
      }
      for (int[] keep : keeps(truth.length)) {
        out.add(new Case(kind, labels, scores, pick(truth, keep), pick(predicted, keep)));
      }
      return out;
    }

    int[] classes() {
      return Arrays.stream(labels).mapToInt(v -> (int) v).toArray();
    }
  }

  /** Row sets with one block removed (via the shared removal order), never empty. */
  private static List<int[]> keeps(int n) {
    double[] index = new double[n];
    Arrays.setAll(index, i -> i);
    return Shrinker.removals(index).stream().filter(v -> v.length > 0)
        .map(v -> Arrays.stream(v).mapToInt(d -> (int) d).toArray()).toList();
  }

  private static double[] pick(double[] v, int[] rows) {
    return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
  }

  static List<Case> generate(long seed, int count) {
    Random r = new Random(seed);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String kind = KINDS[i % KINDS.length];
      int n = SIZES[r.nextInt(SIZES.length)];
      double[] y = new double[n];
      double[] s = new double[n];
      double base = 0.05 + 0.9 * r.nextDouble();
      for (int j = 0; j < n; j++) {
        y[j] = kind.equals("only-negatives") ? 0 : kind.equals("only-positives") ? 1
            : r.nextDouble() < base ? 1 : 0;
        double noise = r.nextDouble();
        s[j] = switch (kind) {
          case "ties" -> Math.round((0.4 * y[j] + 0.6 * noise) * 10) / 10.0;
          case "all-tied" -> 0.5;
          case "separable" -> 0.5 * y[j] + 0.4 * noise;
          case "extreme" -> noise < 0.3 ? 0.0 : noise < 0.6 ? 1.0 : noise;
          default -> 0.3 * y[j] + 0.7 * noise;
        };
      }
      int m = SIZES[r.nextInt(SIZES.length)];
      double[] t = new double[m];
      double[] p = new double[m];
      double c = new double[] {0.1, 1.0 / 3, 5, 0.0, -2.7, 1e-12}[r.nextInt(6)];
      for (int j = 0; j < m; j++) {
        t[j] = switch (kind) {
          case "constant-truth", "constant-perfect" -> c == 0 && r.nextBoolean() ? -0.0 : c;
          case "zeros-in-truth" -> r.nextBoolean() ? 0 : r.nextGaussian();
          default -> r.nextGaussian() * 10 + 3;
        };
        p[j] = kind.equals("constant-perfect") ? t[j]
            : kind.equals("constant-truth") && r.nextBoolean() ? t[j] : t[j] + r.nextGaussian();
      }
      cases.add(new Case(kind, y, s, t, p));
    }
    return cases;
  }
}
