package dev.kiln.quality.drift;

/**
 * P(D_n <= x) by Pomeranz's recursion (1974) as Simard and L'Ecuyer organise it: 2n + 1 rows,
 * each the convolution of a window of the previous row with one of three scaled Poisson weight
 * sequences, rescaled by 2^128 steps against underflow, times n! at the end.
 */
final class Pomeranz {
  private static final int E128 = 128;
  private static final double P128 = 0x1p128;
  private static final double M128 = 0x1p-128;

  private Pomeranz() {}

  static double cdf(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1.0 - f);
    int ceilf = f > 0 ? 1 : 0;
    int roundf = f > 0.5 ? 1 : 0;
    int npwrs = 2 * (ll + 1);
    double[] gpower = powers(npwrs, g / n);
    double[] twogpower = powers(npwrs, 2 * g / n);
    double[] onem2gpower = powers(npwrs, (1 - 2 * g) / n);
    double[] v0 = new double[npwrs];
    double[] v1 = new double[npwrs];
    v1[0] = 1;
    int v0s = 0;
    int v1s = 0;
    int exponent = 0;
    int[] j = bounds(0, n, ll, ceilf, roundf);
    for (int i = 1; i < 2 * n + 2; i++) {
      int k1 = j[0];
      double[] swap = v0;
      v0 = v1;
      v1 = swap;
      int swapS = v0s;
      v0s = v1s;
      v1s = swapS;
      java.util.Arrays.fill(v1, 0.0);
      j = bounds(i, n, ll, ceilf, roundf);
      double[] pwrs = i == 1 || i == 2 * n + 1 ? gpower : i % 2 == 1 ? twogpower : onem2gpower;
      int ln2 = j[1] - k1 + 1;
      if (ln2 > 0) {
        convolveWindow(v0, k1 - v0s, Math.min(ln2, npwrs - (k1 - v0s)), pwrs,
            Math.min(ln2, npwrs), j[0] - k1, v1, j[1] - j[0] + 1);
        double max = java.util.Arrays.stream(v1).max().orElse(0);
        if (0 < max && max < M128) {
          for (int c = 0; c < npwrs; c++) {
            v1[c] *= P128;
          }
          exponent -= E128;
        }
        v1s = v0s + j[0] - k1;
      }
    }
    double ans = v1[n - v1s];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(ans) > P128) {
        ans *= M128;
        exponent += E128;
      }
      ans *= m;
    }
    if (exponent != 0) {
      ans = Math.scalb(ans, exponent);
    }
    return KolmogorovDistribution.clip(ans);
  }

  /** (c/n)^m/m!-like weights: w[0] = 1, w[m] = w[m-1] * ratio / m. */
  private static double[] powers(int count, double ratio) {
    double[] w = new double[count];
    w[0] = 1.0;
    for (int m = 1; m < count; m++) {
      w[m] = w[m - 1] * ratio / m;
    }
    return w;
  }

  /**
   * Writes entries [start, start + length) of the full convolution of a[from, from + la) with
   * b[0, lb) into out[0, length).
   */
  private static void convolveWindow(double[] a, int from, int la, double[] b, int lb, int start,
      double[] out, int length) {
    for (int o = 0; o < length; o++) {
      int idx = start + o;
      double sum = 0;
      for (int k = Math.max(0, idx - lb + 1); k <= Math.min(idx, la - 1); k++) {
        sum += a[from + k] * b[idx - k];
      }
      out[o] = sum;
    }
  }

  /** The first and last non-zero column of row i. */
  private static int[] bounds(int i, int n, int ll, int ceilf, int roundf) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilf - 1;
      j2 = ll + ceilf - 1;
    } else {
      int half = (i + 1) / 2;
      if ((i + 1) % 2 == 0) {
        if (half == n + 1) {
          j1 = n - ll - ceilf - 1;
          j2 = n + ll + ceilf - 1;
        } else {
          j1 = half - 1 - ll - roundf - 1;
          j2 = half + ll - 1 + ceilf - 1;
        }
      } else {
        j1 = half - 1 - ll - 1;
        j2 = half + ll + roundf - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }
}
