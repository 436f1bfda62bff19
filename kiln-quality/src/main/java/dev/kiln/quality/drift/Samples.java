package dev.kiln.quality.drift;

import dev.kiln.core.KilnException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cleans samples as Evidently does: infinities become missing, missing values are dropped; -0.0
 * becomes 0.0, since numpy and pandas treat the two zeros as one value.
 */
public final class Samples {
  private Samples() {}

  /**
   * Returns the finite values, with -0.0 replaced by 0.0.
   *
   * @throws KilnException if none is left
   */
  public static double[] clean(double[] values, String what) {
    double[] out = Arrays.stream(values).filter(Double::isFinite).map(Samples::zero).toArray();
    if (out.length == 0) {
      throw new KilnException("The " + what + " sample has no values after dropping missing and"
          + " infinite ones.", "check that the column is filled in both data sets");
    }
    return out;
  }

  /** Returns the value with -0.0 replaced by 0.0 (adding +0.0 does exactly that). */
  static double zero(double value) {
    return value + 0.0;
  }

  /**
   * Returns the non-null values.
   *
   * @throws KilnException if none is left
   */
  public static String[] clean(String[] values, String what) {
    String[] out = Arrays.stream(values).filter(Objects::nonNull).toArray(String[]::new);
    if (out.length == 0) {
      throw new KilnException("The " + what + " sample has no values after dropping missing ones.",
          "check that the column is filled in both data sets");
    }
    return out;
  }
}
