package dev.kiln.quality.drift;

import dev.kiln.data.ColumnType;
import dev.kiln.quality.profile.ColumnProfile;
import dev.kiln.quality.profile.DataProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Drift between two stored profiles, without the raw rows: what a monitor can afford on large
 * data. Numeric columns get the normed Wasserstein distance from the two KLL sketches' quantile
 * functions (W1 = the integral over u of |Q_ref(u) - Q_cur(u)|, on a 1,000-point grid); text
 * columns get the Jensen–Shannon distance of the frequent-item shares. These are approximations
 * of the exact statistics (KLL rank error under 1%), reported as {@code wasserstein~} and
 * {@code jensenshannon~}, with Evidently's thresholds (0.1).
 */
public final class ProfileDrift {
  private static final int GRID = 1000;

  private ProfileDrift() {}

  /** Compares every column present in both profiles. */
  public static DriftReport compare(DataProfile reference, DataProfile current, double driftShare) {
    Map<String, ColumnProfile> cur = new HashMap<>();
    current.columns().forEach(c -> cur.put(c.name(), c));
    List<ColumnDrift> out = new ArrayList<>();
    for (ColumnProfile ref : reference.columns()) {
      ColumnProfile c = cur.get(ref.name());
      if (c == null || ref.count() == 0 || c.count() == 0) {
        continue;
      }
      if (ref.type() != ColumnType.STRING && ref.kll() != null && c.kll() != null) {
        double d = wasserstein(ref.sketch(), c.sketch()) / Math.max(ref.std(), 0.001);
        out.add(new ColumnDrift(ref.name(), "wasserstein~", d, 0.1, d >= 0.1));
      } else if (ref.frequentItems() != null && c.frequentItems() != null) {
        double d = Distances.jensenShannon(shares(ref, c));
        out.add(new ColumnDrift(ref.name(), "jensenshannon~", d, 0.1, d >= 0.1));
      }
    }
    double share = out.isEmpty() ? 0
        : out.stream().filter(ColumnDrift::drifted).count() / (double) out.size();
    return new DriftReport(out, share, driftShare, !out.isEmpty() && share >= driftShare);
  }

  private static double wasserstein(KllDoublesSketch a, KllDoublesSketch b) {
    double[] ranks = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      ranks[i] = (i + 0.5) / GRID;
    }
    double[] qa = a.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    double[] qb = b.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    double sum = 0;
    for (int i = 0; i < GRID; i++) {
      sum += Math.abs(qa[i] - qb[i]);
    }
    return sum / GRID;
  }

  private static Binning shares(ColumnProfile ref, ColumnProfile cur) {
    Map<String, double[]> counts = new java.util.TreeMap<>();
    ref.frequentItems().forEach(i -> counts.computeIfAbsent(i.item(), k -> new double[2])[0] =
        (double) i.count() / ref.count());
    cur.frequentItems().forEach(i -> counts.computeIfAbsent(i.item(), k -> new double[2])[1] =
        (double) i.count() / cur.count());
    double[] r = counts.values().stream().mapToDouble(v -> v[0]).toArray();
    double[] c = counts.values().stream().mapToDouble(v -> v[1]).toArray();
    return new Binning(r, c);
  }
}
