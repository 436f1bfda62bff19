package dev.kiln.quality.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evidently's binning for PSI and Jensen–Shannon: numeric samples whose reference has more than
 * 20 distinct values go into Sturges' equal-width bins over the combined range (last bin closed);
 * otherwise one bin per distinct value of either sample. Shares are counts over each side's size.
 *
 * @param reference the reference share per bin
 * @param current the current share per bin
 */
public record Binning(double[] reference, double[] current) {

  /** Bins numeric samples (missing values dropped). */
  public static Binning numeric(double[] reference, double[] current) {
    double[] r = Samples.clean(reference, "reference");
    double[] c = Samples.clean(current, "current");
    if (Arrays.stream(r).distinct().count() <= 20) {
      return categorical(Arrays.stream(r).boxed().map(Object::toString).toArray(String[]::new),
          Arrays.stream(c).boxed().map(Object::toString).toArray(String[]::new));
    }
    double min = Math.min(Arrays.stream(r).min().orElseThrow(), Arrays.stream(c).min().orElseThrow());
    double max = Math.max(Arrays.stream(r).max().orElseThrow(), Arrays.stream(c).max().orElseThrow());
    int n = r.length + c.length;
    double width = (max - min) / (Math.log(n) / Math.log(2) + 1);
    int k = Math.max(1, (int) Math.ceil((max - min) / width));
    double[] edges = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      edges[i] = i == k ? max : min + i * ((max - min) / k);
    }
    return new Binning(shares(r, edges), shares(c, edges));
  }

  private static double[] shares(double[] values, double[] edges) {
    int k = edges.length - 1;
    double[] out = new double[k];
    for (double v : values) {
      int bin = Arrays.binarySearch(edges, v);
      bin = bin >= 0 ? Math.min(bin, k - 1) : -bin - 2;
      out[bin]++;
    }
    for (int i = 0; i < k; i++) {
      out[i] /= values.length;
    }
    return out;
  }

  /** Bins categorical samples: one bin per distinct value of either side, sorted. */
  public static Binning categorical(String[] reference, String[] current) {
    String[] r = Samples.clean(reference, "reference");
    String[] c = Samples.clean(current, "current");
    Map<String, double[]> counts = new TreeMap<>();
    for (String v : r) {
      counts.computeIfAbsent(v, x -> new double[2])[0]++;
    }
    for (String v : c) {
      counts.computeIfAbsent(v, x -> new double[2])[1]++;
    }
    double[] rs = new double[counts.size()];
    double[] cs = new double[counts.size()];
    int i = 0;
    for (double[] pair : counts.values()) {
      rs[i] = pair[0] / r.length;
      cs[i] = pair[1] / c.length;
      i++;
    }
    return new Binning(rs, cs);
  }

  /** Returns the shares with zeros replaced as Evidently does for PSI (per side). */
  public Binning zeroFilled() {
    return new Binning(fill(reference), fill(current));
  }

  private static double[] fill(double[] shares) {
    double smallest = Arrays.stream(shares).filter(x -> x > 0).min().orElse(1);
    double replacement = smallest <= 1e-4 ? smallest / 1e6 : 1e-4;
    return Arrays.stream(shares).map(x -> x == 0 ? replacement : x).toArray();
  }

  /** Returns counts per key as a map, for tests and reports. */
  static Map<String, Integer> counts(String[] values) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String v : values) {
      m.merge(v, 1, Integer::sum);
    }
    return m;
  }
}
