package dev.kiln.quality.drift;

import java.util.List;

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
}
