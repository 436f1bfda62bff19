package dev.kiln.quality.drift;

/**
 * The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n for a finite
 * n — SciPy's {@code stats.kstwo} — evaluated as Simard and L'Ecuyer (2011) recommend and SciPy
 * 1.10 implements: Ruben–Gambino's closed forms at the ends of the support, twice the one-sided
 * {@link Smirnov} tail where the two tails cannot overlap or the tail is small, Durbin's matrix
 * (Marsaglia–Tsang–Wang) or Pomeranz's recursion for small n·x², and the Pelz–Good expansion
 * elsewhere.
 */
final class KolmogorovDistribution {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
      -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
      7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

  private KolmogorovDistribution() {}

  /**
   * Returns P(D_n >= x), as {@code scipy.stats.kstwo.sf(x, n)}: 1 up to the bottom of the support
   * (x = 1/(2n)), 0 from x = 1.
   */
  static double sf(int n, double x) {
    if (Double.isNaN(x) || n < 1) {
      return Double.NaN;
    }
    if (x <= 0.5 / n) {
      return 1;
    }
    if (x >= 1) {
      return 0;
    }
    double t = n * x;
    if (t <= 1.0) {
      double cdf = n <= 140 ? smallProduct(n, t)
          : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
      return clip(1 - cdf);
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * Smirnov.sf(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 0.754693) {
        return clip(1 - DurbinMatrix.cdf(n, x));
      }
      if (nxSquared <= 4) {
        return clip(1 - Pomeranz.cdf(n, x));
      }
      return clip(2 * Smirnov.sf(n, x));
    }
    if (nxSquared >= 370.0) {
      return 0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * Smirnov.sf(n, x));
    }
    double cdf = n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? DurbinMatrix.cdf(n, x)
        : pelzGood(n, x);
    return clip(1 - cdf);
  }

  /** n!/n^n (2t - 1)^n as a product of n factors (Ruben–Gambino, 1/(2n) < x <= 1/n). */
  private static double smallProduct(int n, double t) {
    double p = 1;
    for (int i = 1; i <= n; i++) {
      p *= i * (1.0 / n) * (2 * t - 1);
    }
    return p;
  }

  /** log(n!/n^n) by Stirling's series with n log n removed up front. */
  private static double logFactorialOverPower(int n) {
    double rn = 1.0 / n;
    double z = rn / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * z + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /**
   * The Pelz–Good approximation of P(D_n <= x): the Li-Chien/Korolyuk expansion in 1/sqrt(n),
   * each term rewritten with Jacobi theta functions so that it converges for small sqrt(n)·x.
   */
  static double pelzGood(int n, double x) {
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -Math.PI * Math.PI / 8 / z2;
    if (qlog < -708) {
      return 0;
    }
    double q = Math.exp(qlog);
    double pi2 = Math.PI * Math.PI;
    double pi4 = pi2 * pi2;
    double pi6 = pi4 * pi2;
    double k1a = -z2;
    double k1b = pi2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * pi2 / 4;
    double k2c = pi4 * (1 - 2 * z2) / 16;
    double k3d = pi6 * (5 - 30 * z2) / 64;
    double k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = pi2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] k = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int i = maxk; i > 0; i--) {
      double m = 2 * i - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qpower = Math.pow(q, 8 * i);
      double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
          k3a + k3b * m2 + k3c * m4 + k3d * m6};
      for (int j = 0; j < 4; j++) {
        k[j] = k[j] * qpower + coeffs[j];
      }
    }
    double sqrt2pi = Math.sqrt(2 * Math.PI);
    double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int j = 0; j < 4; j++) {
      k[j] = k[j] * q * sqrt2pi / divisors[j];
    }
    double q2 = Math.exp(-pi2 / 2 / z2);
    double sqrt3z = Math.sqrt(3) * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int i = maxk; i > 0; i--) {
      double i2 = (double) i * i;
      double qp = Math.pow(q2, i2);
      double ipi = Math.PI * i;
      k2extra += i2 * qp;
      k3extra += (sqrt3z + ipi) * (sqrt3z - ipi) * i2 * qp;
    }
    k[2] += k2extra * (pi2 * sqrt2pi / (-36 * Math.pow(z, 3)));
    k[3] += k3extra * (pi2 * sqrt2pi / (216 * z6));
    double sum = 0;
    for (int j = 0; j < 4; j++) {
      sum += k[j] / Math.pow(n, j / 2.0);
    }
    return sum;
  }

  static double clip(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
