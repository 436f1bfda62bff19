package dev.kiln.lifecycle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a challenger may replace the champion: on {@code metric}, the challenger must
 * not be worse than the champion by more than {@code maxRegression} (relative: 0.02 = 2%), and
 * must reach the absolute {@code floor} (a minimum for scores, a maximum for errors), if set.
 *
 * @param metric the metric compared, e.g. {@code rmse} or {@code roc_auc}
 * @param maxRegression the largest relative loss accepted against the champion
 * @param floor the absolute bound, or null
 */
public record BlessingRule(String metric, double maxRegression, Double floor) {

  /** The outcome, with one line per rule saying how it went, numbers included. */
  public record Verdict(boolean blessed, List<String> reasons) {}

  /**
   * Judges a challenger.
   *
   * @param champion the champion's metrics on the same holdout, or null when there is none
   * @throws LifecycleException if the metric is missing from the evaluations
   */
  public Verdict judge(Map<String, Double> challenger, Map<String, Double> champion) {
    double c = value(challenger, "challenger");
    boolean lower = HoldoutEvaluation.lowerIsBetter(metric);
    List<String> reasons = new ArrayList<>();
    boolean blessed = true;
    if (champion != null) {
      double best = value(champion, "champion");
      double limit = lower ? best * (1 + maxRegression) : best * (1 - maxRegression);
      boolean ok = lower ? c <= limit : c >= limit;
      blessed &= ok;
      reasons.add(String.format(Locale.ROOT, "%s %s: challenger %s, champion %s, limit %s"
          + " (%s%.1f%% allowed)", ok ? "passed" : "FAILED", metric, plain(c), plain(best),
          plain(limit), lower ? "+" : "-", maxRegression * 100));
    } else {
      reasons.add("no champion yet: only the floor applies");
    }
    if (floor != null) {
      boolean ok = lower ? c <= floor : c >= floor;
      blessed &= ok;
      reasons.add(String.format(Locale.ROOT, "%s floor: %s %s must be %s %s",
          ok ? "passed" : "FAILED", metric, plain(c), lower ? "<=" : ">=", plain(floor)));
    }
    return new Verdict(blessed, reasons);
  }

  /** Six significant digits, without trailing zeros. */
  private static String plain(double v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private double value(Map<String, Double> metrics, String who) {
    Double v = metrics.get(metric);
    if (v == null) {
      throw new LifecycleException("The " + who + "'s evaluation has no metric '" + metric
          + "'.", "choose one of " + metrics.keySet() + " as retrain.metric");
    }
    return v;
  }
}
