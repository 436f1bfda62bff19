package dev.kiln.quality.drift;

import java.util.Arrays;

/**
 * The first Wasserstein distance between two samples, and Evidently's normed version: divided by
 * the reference's population standard deviation (at least 0.001).
 */
public final class Wasserstein {
  private Wasserstein() {}

  /** Returns W1 = integral of |F_ref - F_cur| over the pooled sorted values. */
  public static double distance(double[] reference, double[] current) {
    double[] a = Samples.clean(reference, "reference").clone();
    double[] b = Samples.clean(current, "current").clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    double sum = 0;
    int i = 0;
    int j = 0;
    for (int k = 0; k < all.length - 1; k++) {
      while (i < a.length && a[i] <= all[k]) {
        i++;
      }
      while (j < b.length && b[j] <= all[k]) {
        j++;
      }
      sum += Math.abs((double) i / a.length - (double) j / b.length) * (all[k + 1] - all[k]);
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
