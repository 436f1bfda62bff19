package dev.kiln.quality.drift;

/** Distances between binned distributions, with Evidently's and SciPy's definitions. */
public final class Distances {
  private Distances() {}

  /** Population stability index over zero-filled bins: sum (r - c) ln(r / c). */
  public static double psi(Binning bins) {
    Binning b = bins.zeroFilled();
    double sum = 0;
    for (int i = 0; i < b.reference().length; i++) {
      double r = b.reference()[i];
      double c = b.current()[i];
      sum += (r - c) * Math.log(r / c);
    }
    return sum;
  }

  /**
   * Jensen–Shannon distance (natural log, the square root of the divergence) between the bins
   * renormalised to sum to one, without zero filling, as {@code scipy.spatial.distance.jensenshannon}.
   */
  public static double jensenShannon(Binning bins) {
    double[] p = normalised(bins.reference());
    double[] q = normalised(bins.current());
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      sum += entropyTerm(p[i], m) + entropyTerm(q[i], m);
    }
    return Math.sqrt(sum / 2);
  }

  private static double entropyTerm(double x, double m) {
    return x == 0 ? 0 : x * Math.log(x / m);
  }

  private static double[] normalised(double[] v) {
    double total = 0;
    for (double x : v) {
      total += x;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / total;
    }
    return out;
  }
}
