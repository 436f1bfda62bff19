package dev.kiln.quality.drift;

/**
 * An unevaluated sum {@code hi + lo} of two doubles (about 32 significant digits), with the few
 * operations the one-sided Kolmogorov distribution needs to stay accurate for large n (Dekker,
 * Knuth; the error-free transforms of the QD library).
 *
 * @param hi the leading part
 * @param lo the trailing part, |lo| at most half an ulp of hi
 */
record DoubleDouble(double hi, double lo) {
  static final DoubleDouble ZERO = new DoubleDouble(0, 0);
  static final DoubleDouble ONE = new DoubleDouble(1, 0);

  /** Returns a + b exactly. */
  static DoubleDouble sum(double a, double b) {
    double s = a + b;
    double c = s - a;
    return new DoubleDouble(s, (a - (s - c)) + (b - c));
  }

  /** Returns a * b exactly. */
  static DoubleDouble product(double a, double b) {
    double p = a * b;
    return new DoubleDouble(p, Math.fma(a, b, -p));
  }

  /** Returns a / b to double-double precision. */
  static DoubleDouble quotient(double a, double b) {
    return new DoubleDouble(a, 0).divide(new DoubleDouble(b, 0));
  }

  private static DoubleDouble quick(double a, double b) {
    double s = a + b;
    return new DoubleDouble(s, b - (s - a));
  }

  DoubleDouble add(DoubleDouble b) {
    DoubleDouble s = sum(hi, b.hi);
    DoubleDouble t = sum(lo, b.lo);
    DoubleDouble u = quick(s.hi, s.lo + t.hi);
    return quick(u.hi, u.lo + t.lo);
  }

  DoubleDouble add(double b) {
    DoubleDouble s = sum(hi, b);
    return quick(s.hi, s.lo + lo);
  }

  DoubleDouble negate() {
    return new DoubleDouble(-hi, -lo);
  }

  DoubleDouble multiply(DoubleDouble b) {
    DoubleDouble p = product(hi, b.hi);
    return quick(p.hi, p.lo + (hi * b.lo + lo * b.hi));
  }

  DoubleDouble multiply(double b) {
    DoubleDouble p = product(hi, b);
    DoubleDouble q = product(lo, b);
    return quick(p.hi, q.lo + q.hi + p.lo);
  }

  DoubleDouble divide(DoubleDouble b) {
    double q1 = hi / b.hi;
    DoubleDouble r = add(b.multiply(q1).negate());
    double q2 = r.hi / b.hi;
    r = r.add(b.multiply(q2).negate());
    double q3 = r.hi / b.hi;
    return quick(q1, q2).add(q3);
  }

  DoubleDouble floor() {
    double h = Math.floor(hi);
    return h == hi ? quick(h, Math.floor(lo)) : new DoubleDouble(h, 0);
  }

  /** Returns this times 2^e. */
  DoubleDouble scale(int e) {
    return new DoubleDouble(Math.scalb(hi, e), Math.scalb(lo, e));
  }

  /** Returns the binary exponent e with this / 2^e in [0.5, 1) (C's frexp); 0 for zero. */
  int exponent() {
    if (hi == 0 || !Double.isFinite(hi)) {
      return 0;
    }
    int e = Math.getExponent(hi) + 1;
    if (e < Double.MIN_EXPONENT + 1) {
      e = Math.getExponent(hi * 0x1p54) + 1 - 54;
    }
    double man = Math.scalb(hi, -e);
    return Math.abs(man) == 0.5 && man * Math.scalb(lo, -e) < 0 ? e - 1 : e;
  }

  /** Returns this^m for m >= 0, correcting pow(hi, m) to first order in lo / hi. */
  DoubleDouble pow(int m) {
    if (m == 0) {
      return ONE;
    }
    if (hi == 0) {
      return ZERO;
    }
    double ans = Math.pow(hi, m);
    double r = lo / hi;
    double adj = m * r;
    if (Math.abs(adj) > 1e-8) {
      adj = Math.abs(adj) < 1e-4 ? adj + (m * r) * ((m - 1) / 2.0 * r) : Math.expm1(m * Math.log1p(r));
    }
    return sum(ans, ans * adj);
  }

  double value() {
    return hi + lo;
  }
}
