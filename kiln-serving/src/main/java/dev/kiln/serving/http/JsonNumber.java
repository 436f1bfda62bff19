package dev.kiln.serving.http;

import java.nio.charset.StandardCharsets;

/**
 * Reads JSON numbers from UTF-8 bytes with no text copy: the digits go into a decimal
 * significand and exponent, turned into a double with one exact multiplication or division when
 * the significand has at most 53 bits and the exponent is within ±22 (Clinger's fast path:
 * correctly rounded, as almost every number a client sends is), else by
 * {@link Double#parseDouble} of the token's text (also correctly rounded). So a number gets the
 * bits Jackson's reader gives it. A malformed number is an {@link IllegalArgumentException}.
 */
final class JsonNumber {
  private static final double[] POW10 = new double[23];
  private static final long MAX_EXACT = 1L << 53;
  private static final int MAX_DIGITS = 18;

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private int end;
  private int exponentValue;

  /** Returns the index after the last number read. */
  int end() {
    return end;
  }

  /**
   * Reads the number that starts at {@code from}: an integer token as Jackson reads it (its exact
   * value rounded once; {@code -0} is 0), a token with a fraction or exponent correctly rounded.
   */
  double read(byte[] b, int from, int limit) {
    int p = from;
    boolean negative = b[p] == '-';
    if (negative && ++p == limit) {
      throw malformed();
    }
    long significand = 0;
    int digits = 0;
    int exponent = 0;
    if (b[p] == '0') {
      p++;
    } else {
      int first = p;
      for (int d; p < limit && (d = b[p] - '0') >= 0 && d <= 9; p++) {
        if (digits < MAX_DIGITS) {
          significand = significand * 10 + d;
        } else {
          exponent++;
        }
        digits++;
      }
      if (p == first) {
        throw malformed();
      }
    }
    boolean integer = true;
    if (p < limit && b[p] == '.') {
      integer = false;
      int first = ++p;
      for (int d; p < limit && (d = b[p] - '0') >= 0 && d <= 9; p++) {
        if (digits == 0 && d == 0) {
          exponent--; // a leading zero of the fraction
        } else if (digits < MAX_DIGITS) {
          significand = significand * 10 + d;
          digits++;
          exponent--;
        } else {
          digits++;
        }
      }
      if (p == first) {
        throw malformed();
      }
    }
    if (p < limit && (b[p] == 'e' || b[p] == 'E')) {
      integer = false;
      p = exponent(b, p + 1, limit);
      exponent += exponentValue;
    }
    if (p < limit && b[p] >= '0' && b[p] <= '9') {
      throw malformed(); // a leading zero: 01
    }
    end = p;
    if (significand == 0) {
      return negative && !integer ? -0.0 : 0.0;
    }
    if (digits <= MAX_DIGITS && significand <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
      double v = exponent >= 0 ? significand * POW10[exponent] : significand / POW10[-exponent];
      return negative ? -v : v;
    }
    return Double.parseDouble(new String(b, from, p - from, StandardCharsets.ISO_8859_1));
  }

  /** Reads an exponent's sign and digits from {@code from} into exponentValue; returns the end. */
  private int exponent(byte[] b, int from, int limit) {
    int p = from;
    boolean negative = p < limit && b[p] == '-';
    if (p < limit && (b[p] == '-' || b[p] == '+')) {
      p++;
    }
    int first = p;
    int e = 0;
    for (; p < limit && b[p] >= '0' && b[p] <= '9'; p++) {
      e = Math.min(e * 10 + (b[p] - '0'), 100_000);
    }
    if (p == first) {
      throw malformed();
    }
    exponentValue = negative ? -e : e;
    return p;
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("not a JSON number");
  }
}
