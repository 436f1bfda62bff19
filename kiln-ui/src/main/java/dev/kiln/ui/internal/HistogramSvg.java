package dev.kiln.ui.internal;

import java.util.Locale;

/**
 * Draws a {@link Histogram} as inline SVG with visible axes: share of rows on the y axis (ticks
 * in percent), bin edges or category names under the bars, reference and current bars side by
 * side. Colours come from CSS classes ({@code h-ref}, {@code h-cur}) and text uses
 * {@code currentColor}, so the same markup works in the light and dark UI and in the static
 * report.
 */
public final class HistogramSvg {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 230;
  private static final int LEFT = 46;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 70;

  private HistogramSvg() {}

  /** Returns the SVG of a column's histogram; {@code title} names it for screen readers. */
  public static String render(String title, Histogram h) {
    int n = h.labels().size();
    double top = 0;
    for (int i = 0; i < n; i++) {
      top = Math.max(top, Math.max(h.reference()[i], h.current()[i]));
    }
    double tick = top <= 0 ? 0.25 : tickStep(top);
    top = top <= 0 ? 1 : Math.ceil(top / tick - 1e-9) * tick;
    int ticks = (int) Math.round(top / tick);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double slot = plotW / Math.max(1, n);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"hist\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-size=\"11\">",
        WIDTH, HEIGHT, esc(title)));
    s.append("<title>").append(esc(title)).append("</title>");
    for (int t = 0; t <= ticks; t++) {
      double v = tick * t;
      double y = TOP + plotH - plotH * t / ticks;
      s.append(String.format(Locale.ROOT, "<line class=\"h-grid\" x1=\"%d\" x2=\"%.1f\""
          + " y1=\"%.1f\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\""
          + " fill=\"currentColor\">%s</text>", LEFT, WIDTH - RIGHT + 0.0, y, y, LEFT - 6,
          y + 4, percent(v)));
    }
    for (int i = 0; i < n; i++) {
      double x = LEFT + i * slot;
      bar(s, "h-ref", x + slot * 0.08, slot * 0.4, h.reference()[i], top, plotH,
          "reference " + h.labels().get(i));
      bar(s, "h-cur", x + slot * 0.5, slot * 0.4, h.current()[i], top, plotH,
          "current " + h.labels().get(i));
    }
    s.append(String.format(Locale.ROOT, "<line class=\"h-axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\""
        + " y2=\"%.1f\"/><line class=\"h-axis\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
        LEFT, LEFT, TOP, TOP + plotH, LEFT, WIDTH - RIGHT + 0.0, TOP + plotH, TOP + plotH));
    xLabels(s, h, slot, TOP + plotH);
    return s.append("</svg>").toString();
  }

  private static void bar(StringBuilder s, String cls, double x, double w, double share,
      double top, double plotH, String label) {
    double hgt = share / top * plotH;
    s.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\""
        + " width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>", cls, x,
        TOP + plotH - hgt, w, hgt, esc(label), percent(share)));
  }

  /** Numbers: the edges at the bin boundaries; text: the category under its bars. */
  private static void xLabels(StringBuilder s, Histogram h, double slot, double base) {
    int n = h.labels().size();
    if (!h.numeric()) {
      boolean tilt = n > 5 || h.labels().stream().anyMatch(l -> l.length() > 8);
      for (int i = 0; i < n; i++) {
        double cx = LEFT + (i + 0.5) * slot;
        label(s, cx, base, shorten(h.labels().get(i)), h.labels().get(i), tilt);
      }
      return;
    }
    boolean tilt = n > 6;
    for (int i = 0; i < n; i++) {
      String text = h.labels().get(i);
      if (text.startsWith("<") || text.startsWith("≥") || n == 1) {
        label(s, LEFT + (i + 0.5) * slot, base, text, text, tilt);
        continue;
      }
      double x = LEFT + i * slot;
      String edge = text.substring(1, text.indexOf(','));
      s.append(String.format(Locale.ROOT, "<line class=\"h-axis\" x1=\"%.1f\" x2=\"%.1f\""
          + " y1=\"%.1f\" y2=\"%.1f\"/>", x, x, base, base + 4));
      if (i == 0 || !h.labels().get(i - 1).startsWith("<")) {
        label(s, x, base, edge, text, tilt);
      }
      if (i == n - 1) {
        String end = text.substring(text.indexOf(',') + 2, text.length() - 1);
        label(s, x + slot, base, end, text, tilt);
      }
    }
  }

  private static void label(StringBuilder s, double x, double base, String text, String full,
      boolean tilt) {
    double y = base + 16;
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"currentColor\""
        + " text-anchor=\"%s\"%s><title>%s</title>%s</text>", x, y, tilt ? "end" : "middle",
        tilt ? String.format(Locale.ROOT, " transform=\"rotate(-35 %.1f %.1f)\"", x, y) : "",
        esc(full), esc(text)));
  }

  private static String shorten(String text) {
    return text.length() <= 14 ? text : text.substring(0, 13) + "…";
  }

  /** Returns 1, 2 or 5 times a power of ten: 2 to 5 ticks up to {@code max}. */
  private static double tickStep(double max) {
    double raw = max / 4;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String percent(double share) {
    double p = share * 100;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p)
        : p < 10 ? String.format(Locale.ROOT, "%.1f", p)
        : String.format(Locale.ROOT, "%.0f", p)) + "%";
  }

  /** Escapes text for HTML and SVG. */
  public static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
