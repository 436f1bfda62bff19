package dev.kiln.quality.drift;

/**
 * The one-sided Kolmogorov–Smirnov distribution for a finite sample size: P(D+_n > x), computed
 * with the Birnbaum–Tingey / Smirnov sum in double-double arithmetic as SciPy's
 * {@code special.smirnov} (cephes {@code kolmogorov.c}, van Mulbregt 2018) does, so that the
 * survival function stays accurate for n in the hundreds of thousands.
 */
final class Smirnov {
  private static final double MIN_LOG = -7.451332191019412076235E2;
  private static final int MAX_COMPUTE_N = 1_000_000;
  private static final int MAX_EXPONENT = 960;

  private Smirnov() {}

  /** Returns P(D+_n > x), or NaN outside n > 0, 0 <= x <= 1. */
  static double sf(int n, double x) {
    if (!(n > 0 && x >= 0 && x <= 1)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0) {
      return 1;
    }
    if (x == 1) {
      return 0;
    }
    DoubleDouble nx = DoubleDouble.product(n, x);
    DoubleDouble nxFloor = nx.floor();
    double alpha = nx.add(nxFloor.negate()).hi();
    int nxfl = (int) nxFloor.hi();
    if (alpha == 1) {
      nxfl += 1;
      alpha = 0;
    }
    int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    int n1mxceil = n - nxfl;
    if (alpha == 0) {
      n1mxfl -= 1;
      n1mxceil += 1;
    }
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
      return clip(1 - x * DoubleDouble.sum(1, x).pow(n - 1).value());
    }
    if (-2 * n * x * x < MIN_LOG) {
      return 0;
    }
    if (nxfl >= n - 1) {
      return clip(DoubleDouble.sum(1, -x).pow(n).value());
    }
    if (n > MAX_COMPUTE_N) {
      double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      return clip(logp < -Math.log(2) ? Math.exp(logp) : 1 + Math.expm1(logp));
    }
    int upperTerms = n - n1mxceil + 1;
    boolean upper = (upperTerms <= 1 && x < 0.5)
        || (n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
    double prob = upper ? sum(n, x, n, -1, upperTerms) : sum(n, x, 0, 1, n1mxfl + 1);
    return clip(upper ? 1 - prob : prob);
  }

  /**
   * Sums x * A_v(n, x) over v = start, start + step, ... (nTerms terms), where A_v = C(n, v)
   * (x + v/n)^(v-1) (1 - x - v/n)^(n-v), stopping once the remaining terms are negligible.
   */
  private static double sum(int n, double x, int start, int step, int terms) {
    DoubleDouble aj = step < 0 ? DoubleDouble.sum(1, x).pow(n - 1)
        : DoubleDouble.sum(1, -x).pow(n).divide(new DoubleDouble(x, 0));
    DoubleDouble total = aj;
    int[] cexpt = new int[1];
    DoubleDouble cman = binomialStep(DoubleDouble.ONE, cexpt, n, 0);
    int vmid = n / 2;
    for (int j = 1; j < terms; j++) {
      int v = start + j * step;
      aj = term(n, x, v, cman, cexpt[0]);
      boolean zero = aj.hi() == 0;
      if (Double.isFinite(aj.hi()) && !zero) {
        total = total.add(aj);
      }
      if (!zero) {
        if (4.0 * (terms - j) * Math.abs(aj.value()) < Math.ulp(1.0) * total.value()
            && j != terms - 1) {
          break;
        }
      } else if (j > vmid) {
        break;
      }
      cman = binomialStep(cman, cexpt, n, j);
    }
    return total.multiply(x).value();
  }

  /** Turns C(n, j) into C(n, j + 1), kept as a mantissa in [0.5, 1) and a binary exponent. */
  private static DoubleDouble binomialStep(DoubleDouble cman, int[] cexpt, int n, int j) {
    DoubleDouble next = cman.multiply(DoubleDouble.quotient(n - j, j + 1.0));
    int e = next.exponent();
    cexpt[0] += e;
    return next.scale(-e);
  }

  /** A_v(n, x) with the binomial coefficient given as mantissa cman times 2^cexpt. */
  private static DoubleDouble term(int n, double x, int v, DoubleDouble cman, int cexpt) {
    int[] e2 = new int[1];
    int[] e1 = new int[1];
    DoubleDouble t2 = powScaled(DoubleDouble.quotient(n - v, n).add(-x), n - v, e2);
    DoubleDouble t1 = powScaled(DoubleDouble.quotient(v, n).add(x), v - 1, e1);
    return t1.multiply(t2).multiply(cman).scale(cexpt + e1[0] + e2[0]);
  }

  /** Returns a^m as a mantissa in [0.5, 1), storing the binary exponent in exponent[0]. */
  private static DoubleDouble powScaled(DoubleDouble a, int m, int[] exponent) {
    if (m <= 0) {
      if (m == 0) {
        exponent[0] = 0;
        return DoubleDouble.ONE;
      }
      DoubleDouble inverse = DoubleDouble.ONE.divide(powScaled(a, -m, exponent));
      int e = inverse.exponent();
      exponent[0] = -exponent[0] + e;
      return inverse.scale(-e);
    }
    int ye = a.exponent();
    DoubleDouble y = a.scale(-ye);
    if (m == 1) {
      exponent[0] = ye;
      return y;
    }
    int maxExpt = MAX_EXPONENT;
    if (m * (y.hi() - 1) / y.hi() < -MAX_EXPONENT * Math.log(2)) {
      double lg2y = Math.log(y.hi()) / Math.log(2);
      if (m * lg2y <= -MAX_EXPONENT) {
        maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
      }
    }
    if (m <= maxExpt) {
      DoubleDouble p = y.pow(m);
      int e = p.exponent();
      exponent[0] = e + m * ye;
      return p.scale(-e);
    }
    int q = m / maxExpt;
    int r = m % maxExpt;
    int[] y2rE = new int[1];
    int[] y2mE = new int[1];
    int[] y2mqE = new int[1];
    DoubleDouble y2r = powScaled(y, r, y2rE);
    DoubleDouble y2m = powScaled(y, maxExpt, y2mE);
    DoubleDouble y2mq = powScaled(y2m, q, y2mqE);
    DoubleDouble p = y2r.multiply(y2mq);
    int e = p.exponent();
    exponent[0] = e + y2mqE[0] + y2mE[0] * q + y2rE[0] + m * ye;
    return p.scale(-e);
  }

  /** cephes' nextPowerOf2: x nudged up by an ulp-scale amount, integral values kept integral. */
  private static double nextPowerOf2(double x) {
    double q = Math.scalb(x, 1 - 53);
    double l = Math.abs(q + x);
    if (l == 0) {
      return Math.abs(x);
    }
    return l == (int) l ? (int) l : l;
  }

  private static double clip(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
