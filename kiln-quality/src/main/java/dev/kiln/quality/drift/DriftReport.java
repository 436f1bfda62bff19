package dev.kiln.quality.drift;

import java.util.List;
import java.util.Locale;

/**
 * The drift of a data set: per-column verdicts and the dataset verdict (drift when the share of
 * drifted columns reaches {@code driftShare}).
 *
 * @param columns per-column verdicts, in column order
 * @param share drifted columns / columns checked
 * @param driftShare the share at which the data set counts as drifted
 * @param datasetDrift whether the data set drifted
 */
public record DriftReport(List<ColumnDrift> columns, double share, double driftShare,
    boolean datasetDrift) {
  /** Copies the list. */
  public DriftReport {
    columns = List.copyOf(columns);
  }

  /** Returns a plain-text table: one line per column, undefined scores shown as "undefined". */
  public String toTable() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %-14s %12s %10s  %s%n",
        "column", "test", "score", "threshold", "verdict"));
    for (ColumnDrift c : columns) {
      out.append(String.format(Locale.ROOT, "%-24s %-14s %12s %10.4f  %s%n", c.column(), c.test(),
          c.undefined() ? "undefined" : String.format(Locale.ROOT, "%.6g", c.score()),
          c.threshold(), c.verdict()));
    }
    return out.append(String.format(Locale.ROOT, "Dataset drift: %s (share of drifted columns"
        + " %.2f, drift from %.2f)%n", datasetDrift ? "yes" : "no", share, driftShare)).toString();
  }
}
