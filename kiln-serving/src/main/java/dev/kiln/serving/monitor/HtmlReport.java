package dev.kiln.serving.monitor;

import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.profile.ColumnProfile;
import dev.kiln.quality.profile.DataProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link MonitorReport} as one self-contained HTML page: inline CSS, and per column
 * the method, score, threshold, verdict and an inline SVG histogram of reference against current
 * (numbers: equal-width bins between the 1st and 99th percentiles plus one per tail, from the
 * KLL sketches; text: shares of the most frequent values).
 * Nothing is loaded from elsewhere, so the page works offline and as a mail attachment.
 */
public final class HtmlReport {
  private static final int BINS = 12;
  private static final int WIDTH = 320;
  private static final int HEIGHT = 90;
  private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
      + "text-align:left;vertical-align:middle}.drift{color:#b00020;font-weight:bold}"
      + ".ok{color:#1b7f3b}.ref{fill:#9aa5b1}.cur{fill:#2f6fdf}.legend span{margin-right:1em}";

  private HtmlReport() {}

  /** Renders the report with the two profiles the histograms are drawn from. */
  public static String render(MonitorReport report, DataProfile reference, DataProfile current) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>Kiln monitor: ").append(esc(report.model())).append("</title><style>")
        .append(CSS).append("</style></head><body>\n<h1>").append(esc(report.model()))
        .append(" version ").append(esc(report.version())).append("</h1>\n<p>")
        .append(esc(report.current())).append(String.format(Locale.ROOT, " — %,d rows against"
            + " %,d reference rows, %s.</p>%n", report.currentRows(), report.referenceRows(),
            esc(report.createdAt())));
    h.append("<p>Dataset drift: ").append(verdict(report.datasetDrift())).append(String.format(
        Locale.ROOT, " (share of drifted columns %.2f, threshold %.2f). Prediction drift: ",
        report.drift().inputs().share(), report.drift().inputs().driftShare()))
        .append(report.drift().prediction() == null ? "not measured"
            : verdict(report.drift().predictionDrift())).append(".</p>\n");
    h.append("<p class=\"legend\"><svg width=\"10\" height=\"10\"><rect class=\"ref\" width=\"10\""
        + " height=\"10\"/></svg> reference <svg width=\"10\" height=\"10\"><rect class=\"cur\""
        + " width=\"10\" height=\"10\"/></svg> current</p>\n");
    h.append("<table><tr><th>column</th><th>method</th><th>score</th><th>threshold</th>"
        + "<th>drifted</th><th>distribution</th></tr>\n");
    List<ColumnDrift> columns = new ArrayList<>(report.drift().inputs().columns());
    Optional.ofNullable(report.drift().prediction()).ifPresent(columns::add);
    for (ColumnDrift c : columns) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.4f</td><td>%.4f</td>"
          + "<td>%s</td><td>%s</td></tr>%n", esc(c.column()), esc(c.test()), c.score(),
          c.threshold(), verdict(c.drifted()), histogram(column(reference, c.column()),
              column(current, c.column()))));
    }
    h.append("</table>\n");
    if (!report.decay().isEmpty()) {
      h.append("<h2>Decay against labels</h2>\n<table><tr><th>window start</th><th>rows</th>"
          + "<th>metric</th><th>value</th><th>baseline</th><th>decayed</th></tr>\n");
      for (DecayCheck.Window w : report.decay()) {
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%.4f</td>"
            + "<td>%s</td><td>%s</td></tr>%n", w.start(), w.rows(), w.metric(), w.value(),
            w.baseline() == null ? "–" : String.format(Locale.ROOT, "%.4f", w.baseline()),
            verdict(w.decayed())));
      }
      h.append("</table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String verdict(boolean crossed) {
    return crossed ? "<span class=\"drift\">yes</span>" : "<span class=\"ok\">no</span>";
  }

  private static ColumnProfile column(DataProfile profile, String name) {
    return profile.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow();
  }

  /** Draws reference and current shares side by side, scaled to the largest share. */
  static String histogram(ColumnProfile ref, ColumnProfile cur) {
    Map<String, double[]> shares = ref.kll() != null && cur.kll() != null
        ? numericShares(ref, cur) : itemShares(ref, cur);
    double top = shares.values().stream().mapToDouble(v -> Math.max(v[0], v[1])).max()
        .orElse(1);
    double slot = (double) WIDTH / Math.max(1, shares.size());
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, HEIGHT));
    int i = 0;
    for (Map.Entry<String, double[]> bin : shares.entrySet()) {
      for (int side = 0; side < 2; side++) {
        double h = top == 0 ? 0 : bin.getValue()[side] / top * (HEIGHT - 2);
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\""
            + " width=\"%.1f\" height=\"%.1f\"><title>%s: %.3f</title></rect>",
            side == 0 ? "ref" : "cur", i * slot + side * slot * 0.45, HEIGHT - h, slot * 0.45, h,
            esc(bin.getKey()), bin.getValue()[side]));
      }
      i++;
    }
    return svg.append("</svg>").toString();
  }

  /** Bins the range from the 1st to the 99th percentile of both sides; the tails get a bin each. */
  private static Map<String, double[]> numericShares(ColumnProfile ref, ColumnProfile cur) {
    double lo = Math.min(quantile(ref, "p1", ref.min()), quantile(cur, "p1", cur.min()));
    double hi = Math.max(quantile(ref, "p99", ref.max()), quantile(cur, "p99", cur.max()));
    Map<String, double[]> out = new LinkedHashMap<>();
    if (!(hi > lo)) {
      out.put(format(lo), new double[] {1, 1});
      return out;
    }
    double[] splits = new double[BINS - 1];
    for (int b = 0; b < splits.length; b++) {
      splits[b] = lo + (hi - lo) * b / (BINS - 2);
    }
    double[] r = ref.sketch().getPMF(splits);
    double[] c = cur.sketch().getPMF(splits);
    for (int b = 0; b < BINS; b++) {
      String label = b == 0 ? "below " + format(lo)
          : b == BINS - 1 ? "above " + format(hi) : "from " + format(splits[b - 1]);
      out.put(label, new double[] {r[b], c[b]});
    }
    return out;
  }

  private static double quantile(ColumnProfile column, String rank, double fallback) {
    return column.quantiles() == null ? fallback
        : column.quantiles().getOrDefault(rank, fallback);
  }

  private static Map<String, double[]> itemShares(ColumnProfile ref, ColumnProfile cur) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (ColumnProfile.ItemCount item : ref.frequentItems()) {
      out.computeIfAbsent(item.item(), k -> new double[2])[0] = (double) item.count()
          / Math.max(1, ref.count());
    }
    for (ColumnProfile.ItemCount item : cur.frequentItems()) {
      out.computeIfAbsent(item.item(), k -> new double[2])[1] = (double) item.count()
          / Math.max(1, cur.count());
    }
    Map<String, double[]> top = new LinkedHashMap<>();
    out.entrySet().stream().limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static String format(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
