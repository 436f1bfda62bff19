package dev.kiln.quality.drift;

import dev.kiln.core.KilnException;
import java.util.Arrays;
import java.util.Objects;

/** Cleans samples as Evidently does: infinities become missing, missing values are dropped. */
public final class Samples {
  private Samples() {}

  /**
   * Returns the finite values.
   *
   * @throws KilnException if none is left
   */
  public static double[] clean(double[] values, String what) {
    double[] out = Arrays.stream(values).filter(Double::isFinite).toArray();
    if (out.length == 0) {
      throw new KilnException("The " + what + " sample has no values after dropping missing and"
          + " infinite ones.", "check that the column is filled in both data sets");
    }
    return out;
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
