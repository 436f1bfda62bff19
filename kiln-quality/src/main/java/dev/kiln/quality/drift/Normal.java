package dev.kiln.quality.drift;

/** The standard normal distribution function. */
final class Normal {
  private Normal() {}

  /** Returns Φ(z), via the complementary error function. */
  static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** erfc from the regularised incomplete gamma: erfc(x) = Q(1/2, x²) for x >= 0. */
  static double erfc(double x) {
    double q = Gamma.upperRegularized(0.5, x * x);
    return x >= 0 ? q : 2 - q;
  }
}
