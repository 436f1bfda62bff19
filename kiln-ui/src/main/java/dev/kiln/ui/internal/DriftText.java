package dev.kiln.ui.internal;

import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.ColumnProfile;
import java.util.Locale;

/**
 * Drift verdicts in words people can read: the dataset verdict with its rule, each score with
 * what it measures and its threshold, and what moved (the mean of a number, the category whose
 * share changed most). A normed Wasserstein score over a reference that was constant (standard
 * deviation 0, normalised by a floor of 0.001) says nothing as a number, so the shift is shown in
 * the column's own units instead.
 */
public final class DriftText {
  private DriftText() {}

  /** Returns e.g. "2 of 7 columns drifted (29%); the dataset is flagged at 50%: no drift". */
  public static String dataset(DriftReport inputs) {
    long drifted = inputs.columns().stream().filter(ColumnDrift::drifted).count();
    return String.format(Locale.ROOT, "%d of %d columns drifted (%.0f%%); the dataset is"
        + " flagged at %.0f%%: %s", drifted, inputs.columns().size(), inputs.share() * 100,
        inputs.driftShare() * 100, inputs.datasetDrift() ? "dataset drift" : "no dataset drift");
  }

  /** Returns the score with what it is, e.g. "p = 0.0031 (drift below 0.05)". */
  public static String score(ColumnDrift c, ColumnProfile ref) {
    String test = c.test().replace("~", "");
    boolean constant = ref != null && ref.std() != null && ref.std() < 0.001;
    return switch (test) {
      case "ks", "chisquare", "z" -> String.format(Locale.ROOT, "%s p = %s (drift below %s)",
          test.equals("ks") ? "KS" : test.equals("z") ? "Z-test" : "χ²", number(c.score()),
          number(c.threshold()));
      case "wasserstein" -> constant
          ? String.format(Locale.ROOT, "reference constant at %s: moved by %s in the column's"
              + " units", number(ref.mean()), number(c.score() * Math.max(ref.std(), 0.001)))
          : String.format(Locale.ROOT, "moved by %s reference standard deviations"
              + " (Wasserstein; drift from %s)", number(c.score()), number(c.threshold()));
      case "jensenshannon" -> String.format(Locale.ROOT, "Jensen–Shannon distance %s (0 same,"
          + " 1 disjoint; drift from %s)", number(c.score()), number(c.threshold()));
      case "psi" -> String.format(Locale.ROOT, "PSI %s (drift from %s)", number(c.score()),
          number(c.threshold()));
      default -> c.test() + " " + number(c.score());
    };
  }

  /** Returns what moved: "mean 12.1 → 15.3" or "'diesel' 12% → 31%"; null if unknown. */
  public static String change(ColumnProfile ref, ColumnProfile cur, Histogram h) {
    if (ref == null || cur == null) {
      return null;
    }
    if (ref.mean() != null && cur.mean() != null) {
      return "mean " + moved(ref.mean(), cur.mean());
    }
    int biggest = -1;
    double delta = 0;
    for (int i = 0; i < h.labels().size(); i++) {
      double d = Math.abs(h.current()[i] - h.reference()[i]);
      if (d > delta) {
        delta = d;
        biggest = i;
      }
    }
    return biggest < 0 ? null : String.format(Locale.ROOT, "'%s' %.1f%% → %.1f%%",
        h.labels().get(biggest), h.reference()[biggest] * 100, h.current()[biggest] * 100);
  }

  /**
   * Formats "a → b" with 3 significant digits, or up to 6 when 3 would print two different
   * values alike (a year's mean 2019.6 → 2021.3 must not read "2020 → 2020").
   */
  static String moved(double from, double to) {
    for (int digits = 3; digits < 6; digits++) {
      String a = number(from, digits);
      String b = number(to, digits);
      if (!a.equals(b) || from == to) {
        return a + " → " + b;
      }
    }
    return number(from, 6) + " → " + number(to, 6);
  }

  /** Formats a number with 3 significant digits, scientific only when tiny or huge. */
  static String number(double x) {
    return number(x, 3);
  }

  private static String number(double x, int digits) {
    if (x == 0 || Double.isNaN(x)) {
      return x == 0 ? "0" : "n/a";
    }
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(digits))
        .stripTrailingZeros().toPlainString();
  }
}
