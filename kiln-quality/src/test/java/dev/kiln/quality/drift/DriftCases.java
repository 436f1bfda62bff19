package dev.kiln.quality.drift;

import dev.kiln.quality.oracle.Shrinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded random sample pairs for the drift oracle tests, and how to shrink them. */
final class DriftCases {
  /** Sizes per side; the exact KS limit is 10,000 on the larger side. */
  private static final int[] SMALL = {2, 3, 4, 5, 7, 10, 20, 31, 50, 100, 140, 141, 300, 1000};
  private static final int[] LARGE = {5000, 9999, 10_000, 10_001, 12_000, 20_000, 30_000};
  private static final String[] KINDS = {"continuous", "discrete", "equal", "signed-zeros",
      "nan-inf", "constant", "ties", "unbalanced"};

  private DriftCases() {}

  /**
   * A pair of samples.
   *
   * @param kind what the generator aimed at
   * @param reference the reference sample
   * @param current the current sample
   */
  record Case(String kind, double[] reference, double[] current, List<String> tests) {
    /**
     * A case checked with every test, except that chi-square and Z (one category per distinct
     * value) are left out when the samples hold thousands of distinct values, and PSI and
     * Jensen–Shannon too when those would also be per-value bins.
     */
    Case(String kind, double[] reference, double[] current) {
      this(kind, reference, current, testsFor(reference, current));
    }

    /** The same samples checked with one test. */
    Case only(String test) {
      return new Case(kind, reference, current, List.of(test));
    }

    /** Variants with a block of either sample removed, each side keeping a finite value. */
    List<Case> simpler() {
      List<Case> out = new ArrayList<>();
      for (double[] r : Shrinker.removals(reference)) {
        if (Arrays.stream(r).anyMatch(Double::isFinite)) {
          out.add(new Case(kind, r, current, tests));
        }
      }
      for (double[] c : Shrinker.removals(current)) {
        if (Arrays.stream(c).anyMatch(Double::isFinite)) {
          out.add(new Case(kind, reference, c, tests));
        }
      }
      return out;
    }

    String describe() {
      return String.format(Locale.ROOT, "%s reference (%d) %s current (%d) %s", kind,
          reference.length, preview(reference), current.length, preview(current));
    }

    private static String preview(double[] v) {
      return v.length <= 40 ? Arrays.toString(v)
          : Arrays.toString(Arrays.copyOf(v, 40)).replace("]", ", ...]");
    }
  }

  private static List<String> testsFor(double[] reference, double[] current) {
    long distinct = java.util.stream.DoubleStream.concat(Arrays.stream(reference),
        Arrays.stream(current)).map(v -> v + 0.0).distinct().limit(2001).count();
    if (distinct <= 2000) {
      return List.of("ks", "wasserstein", "psi", "jensenshannon", "chisquare", "z");
    }
    long referenceDistinct = Arrays.stream(reference).distinct().limit(21).count();
    return referenceDistinct > 20 ? List.of("ks", "wasserstein", "psi", "jensenshannon")
        : List.of("ks", "wasserstein");
  }

  /**
   * Returns {@code count} cases (about one in six has a side with 5,000 or more values), then
   * three large pairs: same distributions with effective KS sizes 50,000 and 110,000 (either side
   * of the Durbin-matrix limit of SciPy's kstwo) and a small shift at 50,000 (the one-sided
   * tail sum).
   */
  static List<Case> generate(long seed, int count) {
    Random r = new Random(seed);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String kind = KINDS[i % KINDS.length];
      int n1 = size(r, i % 12 == 5);
      int n2 = kind.equals("unbalanced") ? (r.nextBoolean() ? 1 + r.nextInt(3)
          : 10_001 + r.nextInt(15_000)) : size(r, i % 12 == 11 || (i % 12 == 5 && r.nextBoolean()));
      cases.add(make(kind, n1, n2, r));
    }
    cases.add(make("same", 100_000, 100_000, r));
    cases.add(make("near", 100_000, 100_000, r));
    cases.add(make("same", 210_000, 230_000, r));
    return cases;
  }

  private static int size(Random r, boolean large) {
    return large ? LARGE[r.nextInt(LARGE.length)] : SMALL[r.nextInt(SMALL.length)];
  }

  private static Case make(String kind, int n1, int n2, Random r) {
    double shift = new double[] {0, 0, 0.01, 0.1, 0.5, 2}[r.nextInt(6)];
    double[] a = new double[n1];
    double[] b = new double[n2];
    switch (kind) {
      case "discrete" -> {
        int k = new int[] {2, 3, 4, 5, 6, 10, 21, 30}[r.nextInt(8)];
        fill(a, () -> r.nextInt(k));
        fill(b, () -> Math.min(k, r.nextInt(k) + (r.nextDouble() < shift ? 1 : 0)));
      }
      case "equal" -> {
        int k = 1 + r.nextInt(12);
        for (int i = 0; i < n1; i++) {
          a[i] = i % k;
        }
        for (int i = 0; i < n2; i++) {
          b[i] = i % k;
        }
      }
      case "signed-zeros" -> {
        fill(a, () -> r.nextDouble() < 0.4 ? (r.nextBoolean() ? -0.0 : 0.0) : r.nextInt(30));
        fill(b, () -> r.nextDouble() < 0.4 ? (r.nextBoolean() ? -0.0 : 0.0) : r.nextInt(30));
      }
      case "nan-inf" -> {
        fill(a, () -> special(r, r.nextGaussian()));
        fill(b, () -> special(r, r.nextGaussian() + shift));
        a[0] = r.nextGaussian();
        b[0] = r.nextGaussian();
      }
      case "constant" -> {
        double c = r.nextInt(3) - 1;
        fill(a, () -> c);
        double other = r.nextBoolean() ? c : c + 1;
        fill(b, () -> r.nextDouble() < 0.9 ? c : other);
      }
      case "ties" -> {
        double scale = new double[] {1, 10, 100}[r.nextInt(3)];
        fill(a, () -> Math.round(r.nextGaussian() * scale) / scale);
        fill(b, () -> Math.round((r.nextGaussian() + shift) * scale) / scale);
      }
      default -> {
        double s = kind.equals("same") ? 0 : kind.equals("near") ? 0.02 : shift;
        double spread = 1 + (r.nextBoolean() ? 0 : s);
        fill(a, r::nextGaussian);
        fill(b, () -> r.nextGaussian() * spread + s);
      }
    }
    return new Case(kind, a, b);
  }

  private static double special(Random r, double value) {
    double u = r.nextDouble();
    return u < 0.1 ? Double.NaN : u < 0.14 ? Double.POSITIVE_INFINITY
        : u < 0.17 ? Double.NEGATIVE_INFINITY : value;
  }

  private static void fill(double[] v, java.util.function.DoubleSupplier s) {
    for (int i = 0; i < v.length; i++) {
      v[i] = s.getAsDouble();
    }
  }
}
