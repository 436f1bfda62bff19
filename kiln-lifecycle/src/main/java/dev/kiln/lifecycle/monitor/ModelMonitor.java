package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.quality.profile.DataProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One monitoring run of a model: profiles the current data (the model's inputs and its
 * prediction column), compares it with the bundle's reference profile and, with labels, measures
 * decay, giving a {@link MonitorReport} and the two profiles behind it.
 */
public final class ModelMonitor {
  private final LoadedBundle bundle;
  private final String version;
  private final double driftShare;
  private final DataProfile reference;

  /**
   * The outcome: the report and the profiles it compared, for charts.
   *
   * @param report the verdicts
   * @param reference the bundle's training profile
   * @param current the profile of the current data
   */
  public record Result(MonitorReport report, DataProfile reference, DataProfile current) {}

  /**
   * Creates a monitor of a loaded bundle.
   *
   * @param version the version the model is known by (the registry's, else the bundle's)
   * @param driftShare the share of drifted input columns that means dataset drift, in (0, 1]
   * @throws KilnException if the share is out of range or the bundle has no reference profile
   */
  public ModelMonitor(LoadedBundle bundle, String version, double driftShare) {
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new KilnException("--drift-share must be within (0, 1], got " + driftShare + ".",
          "e.g. --drift-share 0.5");
    }
    BundleManifest manifest = bundle.manifest();
    this.reference = bundle.referenceProfile().orElseThrow(() -> new KilnException(
        "Bundle of model '" + manifest.name() + "' has no reference profile.",
        "rewrite the bundle with this Kiln: it stores the training data profile"));
    this.bundle = bundle;
    this.version = version;
    this.driftShare = driftShare;
  }

  /**
   * Checks rows of a file: the model scores them first (replacing outputs the file may have), so
   * prediction drift is measured too.
   *
   * @param description what the rows are, for the report (e.g. the file name)
   */
  public Result checkRows(Frame rows, String description) {
    return check(rows.withColumns(bundle.predict(rows).columns()), description, null, null);
  }

  /**
   * Checks rows read from the prediction log, with decay when labels are given.
   *
   * @param logged rows from {@link PredictionLogReader}
   * @param description what the rows are, e.g. the log folder and window
   * @param decay the decay check, or null
   * @param labels ground truth joined with the log by request id (see {@link DecayCheck}), or
   *     null
   * @throws KilnException if labels are given without a decay check or match no logged row
   */
  public Result checkLog(Frame logged, String description, DecayCheck decay, Frame labels) {
    if ((decay == null) != (labels == null)) {
      throw new KilnException("Decay needs both labels and a decay window.",
          "give --labels FILE (and optionally --window and --max-decay)");
    }
    return check(logged, description, decay, labels);
  }

  private Result check(Frame current, String description, DecayCheck decay, Frame labels) {
    BundleManifest manifest = bundle.manifest();
    DataProfile currentProfile = DataProfile.of(profiled(manifest, current));
    MonitorReport report = new MonitorReport(manifest.name(), version, Instant.now().toString(),
        description, reference.rows(), current.rowCount(),
        DriftCheck.compare(manifest, reference, currentProfile, driftShare),
        decay == null ? List.of() : decay.evaluate(manifest, current, labels));
    return new Result(report, reference, currentProfile);
  }

  /** Keeps the columns drift is measured on: the inputs and the prediction column. */
  private static Frame profiled(BundleManifest manifest, Frame current) {
    List<String> names = new ArrayList<>();
    manifest.inputs().forEach(f -> names.add(f.name()));
    names.add(manifest.predictionColumn());
    return current.select(names.stream().filter(current::hasColumn).toList());
  }
}
