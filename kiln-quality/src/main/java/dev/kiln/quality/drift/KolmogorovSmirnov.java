package dev.kiln.quality.drift;

import java.util.Arrays;

/**
 * The two-sample, two-sided Kolmogorov–Smirnov test as SciPy 1.10's {@code ks_2samp} computes it
 * with {@code method="auto"}: the exact p-value when the larger sample has at most 10,000 values
 * (the statistic first rounded to a multiple of 1/lcm(n1, n2); Hodges' lattice-path counts, in
 * the numerically stable form of Viehmann), otherwise {@code kstwo.sf(D, round(n1·n2/(n1+n2)))},
 * the finite-n one-sample Kolmogorov distribution at the effective size. D = 0 gives p = 1.
 * Signed zeros are one value; missing and infinite values are dropped.
 */
public final class KolmogorovSmirnov {
  private static final int EXACT_LIMIT = 10_000;

  private KolmogorovSmirnov() {}

  /**
   * The statistic and its p-value.
   *
   * @param statistic the largest distance between the two empirical CDFs
   * @param pValue the probability of a distance at least as large under the null hypothesis
   * @param exact whether the p-value is exact
   */
  public record Result(double statistic, double pValue, boolean exact) {}

  /** Tests whether two samples come from the same distribution (missing values dropped). */
  public static Result test(double[] reference, double[] current) {
    double[] a = Samples.clean(reference, "reference");
    double[] b = Samples.clean(current, "current");
    Arrays.sort(a);
    Arrays.sort(b);
    int n1 = a.length;
    int n2 = b.length;
    double d = statistic(a, b);
    if (Math.max(n1, n2) <= EXACT_LIMIT) {
      long g = gcd(n1, n2);
      long lcm = (n1 / g) * (long) n2;
      long h = Math.round(d * lcm);
      double rounded = (double) h / lcm;
      if (h == 0) {
        return new Result(rounded, 1.0, true);
      }
      double p = n1 == n2 ? outsideSquare(n1, (int) h) : outsideInside(n1, n2, g, h);
      return new Result(rounded, clip(p), true);
    }
    return new Result(d, asymptoticPValue(d, n1, n2), false);
  }

  /**
   * SciPy's large-sample p-value: the exact one-sample Kolmogorov distribution evaluated at the
   * effective size round(n1·n2 / (n1 + n2)) (half to even, as numpy rounds).
   */
  static double asymptoticPValue(double d, int n1, int n2) {
    double en = Math.rint((double) n1 * n2 / ((double) n1 + n2));
    return clip(KolmogorovDistribution.sf((int) en, d));
  }

  /** The largest |F_a - F_b| over the pooled values (right-continuous ECDFs). */
  static double statistic(double[] a, double[] b) {
    int i = 0;
    int j = 0;
    double max = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      max = Math.max(max, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return max;
  }

  /** P(D >= h/n) for equal sizes: alternating sum of binomial ratios, in Horner form. */
  private static double outsideSquare(int n, int h) {
    double p = 0;
    for (int k = n / h; k >= 0; k--) {
      double term = 1;
      for (int j = 0; j < h; j++) {
        term = (n - (double) k * h - j) * term / (n + (double) k * h + j + 1);
      }
      p = term * (1 - p);
    }
    return 2 * p;
  }

  /**
   * The share of monotone lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| <
   * h/lcm, computed column by column over a sliding window of the band.
   */
  private static double outsideInside(int first, int second, long g, long h) {
    int m = Math.max(first, second);
    int n = Math.min(first, second);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min(ceilDiv(h, mg), n + 1);
    int curlen = maxj - minj;
    double[] col = new double[Math.min(2 * maxj + 2, n + 1)];
    Arrays.fill(col, 1.0);
    Arrays.fill(col, minj, maxj, 0.0);
    for (int i = 1; i <= m; i++) {
      int lastMinj = minj;
      int lastLen = curlen;
      minj = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
      maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (col[jj + minj - lastMinj] * i + val * j) / (i + j);
        col[jj] = val;
      }
      curlen = maxj - minj;
      if (lastLen > curlen) {
        Arrays.fill(col, maxj - minj, maxj - minj + (lastLen - curlen), 1.0);
      }
    }
    return col[maxj - minj - 1];
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static double clip(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
