package dev.kiln.ui.internal;

import dev.kiln.quality.profile.ColumnProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Reference and current shares of one column in common bins, drawn from two profiles. Numbers:
 * equal-width bins with round edges over the 1st to 99th percentiles of both sides, plus a bin
 * per tail when a tail holds data (from the KLL sketches). Text: the most frequent categories of
 * either side, largest first, plus "other" for the rest.
 *
 * @param numeric whether the bins are numeric ranges
 * @param labels one label per bin: a category, or a range such as {@code [10, 20)}
 * @param edges the bin edges of numeric bins (labels.size() + 1 values, tails open), else empty
 * @param reference the reference share per bin
 * @param current the current share per bin
 */
public record Histogram(boolean numeric, List<String> labels, List<Double> edges,
    double[] reference, double[] current) {
  private static final int TARGET_BINS = 10;
  private static final int CATEGORIES = 12;

  /** Returns the histogram of a column from its reference and current profiles. */
  public static Histogram of(ColumnProfile ref, ColumnProfile cur) {
    return ref.kll() != null && cur.kll() != null ? numeric(ref, cur) : categorical(ref, cur);
  }

  private static Histogram numeric(ColumnProfile ref, ColumnProfile cur) {
    double lo = Math.min(q(ref, "p1", ref.min()), q(cur, "p1", cur.min()));
    double hi = Math.max(q(ref, "p99", ref.max()), q(cur, "p99", cur.max()));
    if (!(hi > lo)) {
      lo = Math.min(ref.min(), cur.min());
      hi = Math.max(ref.max(), cur.max());
    }
    if (!(hi > lo)) {
      return new Histogram(true, List.of(format(lo)), List.of(lo, lo), new double[] {1},
          new double[] {1});
    }
    double step = niceStep((hi - lo) / TARGET_BINS);
    double start = Math.floor(lo / step) * step;
    int bins = (int) Math.ceil((hi - start) / step - 1e-9);
    double[] splits = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      splits[i] = start + i * step;
    }
    // EXCLUSIVE: bins are [edge, next edge), as the labels say
    double[] r = ref.sketch().getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
    double[] c = cur.sketch().getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
    List<String> labels = new ArrayList<>();
    List<Double> edges = new ArrayList<>();
    List<double[]> shares = new ArrayList<>();
    boolean below = r[0] > 0 || c[0] > 0;
    boolean above = r[bins + 1] > 0 || c[bins + 1] > 0;
    if (below) {
      labels.add("< " + format(splits[0]));
      shares.add(new double[] {r[0], c[0]});
      edges.add(Math.min(ref.min(), cur.min()));
    }
    for (int i = 0; i < bins; i++) {
      labels.add("[" + format(splits[i]) + ", " + format(splits[i + 1]) + ")");
      shares.add(new double[] {r[i + 1], c[i + 1]});
      edges.add(splits[i]);
    }
    edges.add(splits[bins]);
    if (above) {
      labels.add("≥ " + format(splits[bins]));
      shares.add(new double[] {r[bins + 1], c[bins + 1]});
      edges.add(Math.max(ref.max(), cur.max()));
    }
    return new Histogram(true, labels, edges, column(shares, 0), column(shares, 1));
  }

  private static Histogram categorical(ColumnProfile ref, ColumnProfile cur) {
    Map<String, double[]> shares = new LinkedHashMap<>();
    add(shares, ref, 0);
    add(shares, cur, 1);
    List<Map.Entry<String, double[]>> top = shares.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> -Math.max(e.getValue()[0], e.getValue()[1])))
        .limit(CATEGORIES).toList();
    List<String> labels = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    double[] shown = new double[2];
    for (Map.Entry<String, double[]> e : top) {
      labels.add(e.getKey());
      kept.add(e.getValue());
      shown[0] += e.getValue()[0];
      shown[1] += e.getValue()[1];
    }
    if (1 - shown[0] > 0.001 || 1 - shown[1] > 0.001) {
      labels.add("other");
      kept.add(new double[] {Math.max(0, 1 - shown[0]), Math.max(0, 1 - shown[1])});
    }
    return new Histogram(false, labels, List.of(), column(kept, 0), column(kept, 1));
  }

  private static void add(Map<String, double[]> shares, ColumnProfile p, int side) {
    if (p.frequentItems() == null) {
      return;
    }
    for (ColumnProfile.ItemCount item : p.frequentItems()) {
      shares.computeIfAbsent(item.item(), k -> new double[2])[side] =
          (double) item.count() / Math.max(1, p.count());
    }
  }

  private static double[] column(List<double[]> pairs, int side) {
    return pairs.stream().mapToDouble(p -> p[side]).toArray();
  }

  private static double q(ColumnProfile p, String rank, Double fallback) {
    Double v = p.quantiles() == null ? null : p.quantiles().get(rank);
    return v != null ? v : fallback;
  }

  /** Returns 1, 2, 2.5 or 5 times a power of ten, the smallest at least {@code raw}. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= raw * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /**
   * Formats a bin edge compactly: up to 6 significant digits (edges are round numbers, so a
   * step of 2.5 reads 2002.5, never "2003"), no trailing zeros, scientific when tiny or huge.
   */
  static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e7) {
      return String.format(Locale.ROOT, "%d", (long) x);
    }
    if (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-4) {
      return String.format(Locale.ROOT, "%.3g", x);
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros()
        .toPlainString();
  }
}
