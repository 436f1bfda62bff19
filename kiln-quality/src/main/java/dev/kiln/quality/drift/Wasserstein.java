package dev.kiln.quality.drift;

import java.util.Arrays;

/**
 * The first Wasserstein distance between two samples, and Evidently's normed version: divided by
 * the reference's population standard deviation (at least 0.001).
 */
public final class Wasserstein {
  private Wasserstein() {}

  /**
   * Returns W1 = the integral of |F_ref - F_cur|: both samples sorted once, then one merge walk
   * over the pooled values.
   */
  public static double distance(double[] reference, double[] current) {
    double[] a = Samples.clean(reference, "reference").clone();
    double[] b = Samples.clean(current, "current").clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double sum = 0;
    int i = 0;
    int j = 0;
    double previous = Math.min(a[0], b[0]);
    while (i < a.length || j < b.length) {
      double x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
      sum += Math.abs((double) i / a.length - (double) j / b.length) * (x - previous);
      while (i < a.length && a[i] == x) {
        i++;
      }
      while (j < b.length && b[j] == x) {
        j++;
      }
      previous = x;
    }
    return sum;
  }

  /** Returns W1 divided by max(population std of the reference, 0.001), as Evidently. */
  public static double normed(double[] reference, double[] current) {
    double[] a = Samples.clean(reference, "reference");
    double mean = Arrays.stream(a).average().orElse(0);
    double std = Math.sqrt(Arrays.stream(a).map(x -> (x - mean) * (x - mean)).average()
        .orElse(0));
    return distance(reference, current) / Math.max(std, 0.001);
  }
}
