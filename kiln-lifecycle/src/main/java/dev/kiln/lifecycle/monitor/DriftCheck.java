package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.drift.ProfileDrift;
import dev.kiln.quality.profile.ColumnProfile;
import dev.kiln.quality.profile.DataProfile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data and prediction drift of a model from profiles: its input columns and its prediction
 * column ({@link BundleManifest#predictionColumn()}) in the current data against the bundle's
 * reference profile, with {@link ProfileDrift} (approximate normed Wasserstein for numbers,
 * Jensen–Shannon for text, Evidently's threshold 0.1). Dataset drift counts input columns only.
 */
public final class DriftCheck {
  private DriftCheck() {}

  /**
   * The drift verdicts.
   *
   * @param inputs per input column, with the dataset verdict
   * @param prediction the prediction column's drift, or null when the reference profile has no
   *     prediction column (bundles written before prediction drift) or the current data lacks it
   */
  public record Result(DriftReport inputs, ColumnDrift prediction) {
    /** Returns whether the prediction column drifted. */
    public boolean predictionDrift() {
      return prediction != null && prediction.drifted();
    }
  }

  /**
   * Compares the current profile with the reference.
   *
   * @throws KilnException if the current data has none of the model's input columns
   */
  public static Result compare(BundleManifest manifest, DataProfile reference,
      DataProfile current, double driftShare) {
    Set<String> inputs = manifest.inputs().stream().map(FieldSpec::name)
        .collect(Collectors.toSet());
    DriftReport drift = ProfileDrift.compare(only(reference, inputs), current, driftShare);
    if (drift.columns().isEmpty()) {
      throw new KilnException("The current data has none of the input columns of model '"
          + manifest.name() + "' " + inputs.stream().sorted().toList() + ".",
          "compare data with the model's inputs (kiln bundle inspect lists them)");
    }
    List<ColumnDrift> prediction = ProfileDrift.compare(
        only(reference, Set.of(manifest.predictionColumn())), current, 1).columns();
    return new Result(drift, prediction.isEmpty() ? null : prediction.get(0));
  }

  private static DataProfile only(DataProfile profile, Set<String> names) {
    List<ColumnProfile> kept = profile.columns().stream().filter(c -> names.contains(c.name()))
        .toList();
    return new DataProfile(profile.rows(), kept);
  }
}
