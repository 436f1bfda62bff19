package dev.kiln.quality.drift;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

/**
 * Tests and distances on categorical samples with Evidently's and TFDV's definitions: Pearson's
 * chi-square against the reference proportions, the two-proportion Z-test, and L-infinity.
 */
public final class CategoricalTests {
  private CategoricalTests() {}

  /**
   * A statistic and its p-value.
   *
   * @param statistic the test statistic
   * @param pValue the p-value
   */
  public record Result(double statistic, double pValue) {}

  /**
   * An L-infinity distance and the category where it is reached.
   *
   * @param distance the largest difference of shares
   * @param category the category with that difference (the last one on ties)
   */
  public record LInfinity(double distance, String category) {}

  /**
   * Chi-square of the current counts against the reference shares scaled to the current size; a
   * category absent from the reference gives an infinite statistic and p = 0. With a single
   * category there are no degrees of freedom and p is NaN (undefined), as in SciPy.
   */
  public static Result chiSquare(String[] reference, String[] current) {
    String[] r = Samples.clean(reference, "reference");
    String[] c = Samples.clean(current, "current");
    Map<String, Integer> rc = Binning.counts(r);
    Map<String, Integer> cc = Binning.counts(c);
    TreeSet<String> keys = new TreeSet<>(rc.keySet());
    keys.addAll(cc.keySet());
    double stat = 0;
    for (String k : keys) {
      double expected = rc.getOrDefault(k, 0) * (double) c.length / r.length;
      double observed = cc.getOrDefault(k, 0);
      stat += expected == 0 ? Double.POSITIVE_INFINITY
          : (observed - expected) * (observed - expected) / expected;
    }
    double p = keys.size() == 1 ? Double.NaN
        : Gamma.upperRegularized((keys.size() - 1) / 2.0, stat / 2);
    return new Result(stat, p);
  }

  /**
   * Two-proportion Z-test: the smallest value of the union (in string order) maps to 0, the others
   * to 1; p = 1 when both samples are the same constant.
   */
  public static Result zTest(String[] reference, String[] current) {
    String[] r = Samples.clean(reference, "reference");
    String[] c = Samples.clean(current, "current");
    TreeSet<String> union = new TreeSet<>(Binning.counts(r).keySet());
    union.addAll(Binning.counts(c).keySet());
    String zero = union.first();
    return zTest(union.size(), r.length, count(r, zero::equals), c.length, count(c, zero::equals));
  }

  /**
   * The Z-test on numbers: the smallest value of the union maps to 0 (numeric order, -0.0 equal
   * to 0.0), the others to 1; missing and infinite values are dropped.
   */
  public static Result zTest(double[] reference, double[] current) {
    double[] r = Samples.clean(reference, "reference");
    double[] c = Samples.clean(current, "current");
    double zero = Math.min(Arrays.stream(r).min().orElseThrow(), Arrays.stream(c).min().orElseThrow());
    long distinct = DoubleStream.concat(Arrays.stream(r), Arrays.stream(c)).distinct().limit(2).count();
    return zTest((int) distinct, r.length, count(r, zero), c.length, count(c, zero));
  }

  private static Result zTest(int distinct, int n1, int zeros1, int n2, int zeros2) {
    if (distinct == 1) {
      return new Result(0, 1);
    }
    double p1 = (n1 - zeros1) / (double) n1;
    double p2 = (n2 - zeros2) / (double) n2;
    double pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
    double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    return new Result(z, 2 * (1 - Normal.cdf(Math.abs(z))));
  }

  private static int count(String[] values, java.util.function.Predicate<String> zero) {
    return (int) Arrays.stream(values).filter(zero).count();
  }

  private static int count(double[] values, double zero) {
    return (int) Arrays.stream(values).filter(v -> v == zero).count();
  }

  /** TFDV's L-infinity distance between the two samples' category shares. */
  public static LInfinity lInfinity(Map<String, Double> a, Map<String, Double> b) {
    double ta = a.values().stream().mapToDouble(Double::doubleValue).sum();
    double tb = b.values().stream().mapToDouble(Double::doubleValue).sum();
    TreeMap<String, Double> diffs = new TreeMap<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      double pa = a.getOrDefault(k, 0.0) / (ta == 0 ? 1 : ta);
      double pb = b.getOrDefault(k, 0.0) / (tb == 0 ? 1 : tb);
      diffs.put(k, Math.abs(pa - pb));
    }
    String best = null;
    double max = -1;
    for (Map.Entry<String, Double> e : diffs.entrySet()) {
      if (e.getValue() >= max) {
        max = e.getValue();
        best = e.getKey();
      }
    }
    return new LInfinity(max, best);
  }
}
