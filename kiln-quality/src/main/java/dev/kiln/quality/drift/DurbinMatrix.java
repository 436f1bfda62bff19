package dev.kiln.quality.drift;

/**
 * P(D_n <= d) by Durbin's matrix method in Marsaglia, Tsang and Wang's form (2003): with
 * d = (k - h)/n, the k-th diagonal entry of H^n (H of size 2k - 1) times n!/n^n, powers taken
 * by squaring and rescaled by 2^128 steps to stay in range. Exact up to rounding; cost grows as
 * (n·d)^3 log n, so it is used for small n·d only.
 */
final class DurbinMatrix {
  private static final int E128 = 128;
  private static final double P128 = 0x1p128;
  private static final double M128 = 0x1p-128;

  private DurbinMatrix() {}

  static double cdf(int n, double d) {
    if (d >= 1.0) {
      return 1;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[][] hm = initial(h, m);
    double[][] power = identity(m);
    int exponent = 0;
    int hExponent = 0;
    for (int nn = n; nn > 0; nn /= 2) {
      if (nn % 2 == 1) {
        power = multiply(power, hm);
        exponent += hExponent;
      }
      hm = multiply(hm, hm);
      hExponent *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > P128) {
        for (double[] row : hm) {
          for (int j = 0; j < m; j++) {
            row[j] /= P128;
          }
        }
        hExponent += E128;
      }
    }
    double p = power[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < M128) {
        p *= P128;
        exponent -= E128;
      }
    }
    if (exponent != 0) {
      p = Math.scalb(p, exponent);
    }
    return KolmogorovDistribution.clip(p);
  }

  /** Durbin's H: 1/(i-j+1)! below the superdiagonal, first column and last row corrected. */
  private static double[][] initial(double h, int m) {
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - i + 1];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    return hm;
  }

  private static double[][] identity(int m) {
    double[][] id = new double[m][m];
    for (int i = 0; i < m; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int l = 0; l < m; l++) {
        double ail = a[i][l];
        if (ail != 0) {
          for (int j = 0; j < m; j++) {
            c[i][j] += ail * b[l][j];
          }
        }
      }
    }
    return c;
  }
}
