package dev.kiln.bench;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.quality.drift.DriftDetector;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.DataProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Profiles and compares 1,000,000 x 30 numeric rows (reference vs current, a third of the columns
 * shifted), against the baseline of sorting every column once (the floor of any exact drift
 * computation on raw data). Usage: DriftBench [ROWS] [COLUMNS].
 */
public final class DriftBench {
  private DriftBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int cols = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Frame reference = frame(rows, cols, 1, 0);
    Frame current = frame(rows, cols, 2, 0.05);
    long t0 = System.nanoTime();
    for (Column c : reference.columns()) {
      double[] v = c.toDoubleArray();
      Arrays.sort(v);
    }
    double sortSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    DataProfile profile = DataProfile.of(current);
    double profileSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    DriftReport report = DriftDetector.defaults().compare(reference, current);
    double driftSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    DataProfile referenceProfile = DataProfile.of(reference);
    double referenceProfileSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    DriftReport approx = dev.kiln.quality.drift.ProfileDrift.compare(referenceProfile, profile,
        0.5);
    double approxSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%,d rows x %d columns%n", rows, cols);
    System.out.printf("%-44s %8.2f s%n", "baseline: sort every column once", sortSeconds);
    System.out.printf("%-44s %8.2f s  (%.1fx baseline)%n", "profile (KLL + moments)",
        profileSeconds, profileSeconds / sortSeconds);
    System.out.printf("%-44s %8.2f s  (%.1fx baseline)%n", "drift report (normed Wasserstein)",
        driftSeconds, driftSeconds / sortSeconds);
    System.out.printf("%-44s %8.2f s  goal < 1 s%n", "profile + drift", profileSeconds
        + driftSeconds);
    System.out.printf("%-44s %8.2f s  (reference profile, stored in the bundle at training: %.2f s)%n",
        "drift from profiles (wasserstein~)", approxSeconds, referenceProfileSeconds);
    System.out.printf("%-44s %8.2f s  goal < 1 s%n", "profile current + drift from profiles",
        profileSeconds + approxSeconds);
    System.out.printf("approximate drifted columns %d of %d%n",
        approx.columns().stream().filter(c -> c.drifted()).count(), cols);
    System.out.printf("drifted columns %d of %d; profile has %d columns%n",
        report.columns().stream().filter(c -> c.drifted()).count(), cols,
        profile.columns().size());
  }

  private static Frame frame(int rows, int cols, long seed, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Column> columns = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      double[] v = new double[rows];
      double s = j % 3 == 0 ? shift * (j + 1) : 0;
      for (int i = 0; i < rows; i++) {
        v[i] = random.nextGaussian() + s;
      }
      columns.add(DoubleColumn.of("c" + j, v));
    }
    return Frame.of(columns);
  }
}
