package dev.kiln.lifecycle.modeltest;

import dev.kiln.lifecycle.LifecycleException;
import java.util.Locale;

/** How a model's scores moved when some inputs changed, row by row. */
record ScoreChange(int rows, double min, double max, double mean, int up, int down) {

  static ScoreChange of(double[] before, double[] after, double tolerance) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int up = 0;
    int down = 0;
    for (int i = 0; i < before.length; i++) {
      double d = after[i] - before[i];
      min = Math.min(min, d);
      max = Math.max(max, d);
      sum += d;
      up += d > tolerance ? 1 : 0;
      down += d < -tolerance ? 1 : 0;
    }
    return new ScoreChange(before.length, min, max, before.length == 0 ? 0
        : sum / before.length, up, down);
  }

  /**
   * Judges the change: {@code not_decrease} means no row went down, {@code increase} also needs
   * some row to go up; {@code unchanged} means no row moved beyond the tolerance. Up to
   * {@code allowedShare} of the rows may move the wrong way.
   */
  ModelTestResult judge(String kind, String name, String expect, double allowedShare) {
    if (rows == 0) {
      return new ModelTestResult(kind, name, ModelTestResult.Status.SKIPPED, "no rows");
    }
    long allowed = (long) Math.floor(allowedShare * rows);
    boolean ok = switch (expect == null ? "" : expect) {
      case "not_decrease" -> down <= allowed;
      case "not_increase" -> up <= allowed;
      case "increase" -> down <= allowed && up > 0;
      case "decrease" -> up <= allowed && down > 0;
      case "unchanged" -> up + down <= allowed;
      default -> throw new LifecycleException("The " + kind + " test '" + name + "' expects '"
          + expect + "'.", "expect one of increase, decrease, not_increase, not_decrease");
    };
    return ModelTestResult.of(kind, name, ok, String.format(Locale.ROOT, "expected %s (at most"
        + " %d rows the other way): %d of %d rows up, %d down; change min %.3g, mean %.3g,"
        + " max %.3g", expect.replace('_', ' '), allowed, up, rows, down, min, mean, max));
  }
}
