package dev.kiln.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.profile.DataProfile;
import dev.kiln.ui.internal.DriftText;
import dev.kiln.ui.internal.DriftViews;
import dev.kiln.ui.internal.HistogramSvg;
import dev.kiln.ui.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The drift charts shared by the UI's monitoring page and the static report of
 * {@code kiln monitor}: per column a histogram of reference against current with axes, bin edges
 * and category names drawn (not only on hover), the score in words, and the dataset verdict
 * explained. The static report is one self-contained page (inline CSS and SVG, no script), so
 * it reads the same offline and as a mail attachment.
 */
public final class DriftCharts {
  /** The suffix of the file beside a report that keeps the two profiles its charts are drawn from. */
  public static final String PROFILES_SUFFIX = ".profiles.json";

  private static final String CSS = ":root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6472;"
      + "--bg:#fff;--line:#d9dde3;--ref:#8b95a5;--cur:#2563eb;--bad:#b42318;--ok:#18794e}"
      + "@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a3acb9;--bg:#14171c;"
      + "--line:#363c46;--ref:#7d8796;--cur:#6ea0ff;--bad:#ff8a80;--ok:#5fd39a}}"
      + "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:24px;max-width:1280px;"
      + "color:var(--fg);background:var(--bg)}h1{margin:0 0 4px}p{margin:6px 0}"
      + ".muted{color:var(--muted)}.bad{color:var(--bad);font-weight:600}.ok{color:var(--ok)}"
      + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:16px}"
      + ".card{border:1px solid var(--line);border-radius:8px;padding:12px 14px}"
      + ".card h3{margin:0 0 4px;font-size:16px}.hist{width:100%;height:auto;display:block}"
      + ".h-ref{fill:var(--ref)}.h-cur{fill:var(--cur)}.h-grid{stroke:var(--line)}"
      + ".h-axis{stroke:var(--muted)}table{border-collapse:collapse;margin:8px 0}"
      + "td,th{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left}"
      + ".key{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px 0 12px;"
      + "vertical-align:-1px}@media (max-width:600px){.grid{grid-template-columns:1fr}"
      + "body{padding:12px}}";

  private DriftCharts() {}

  /**
   * Renders a monitoring report as one self-contained HTML page.
   *
   * @param reference the bundle's reference profile
   * @param current the profile of the current data
   */
  public static String staticReport(MonitorReport report, DataProfile reference,
      DataProfile current) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
        + "initial-scale=1\"><title>Kiln monitor: ").append(esc(report.model()))
        .append("</title><style>").append(CSS).append("</style></head><body>\n<h1>")
        .append(esc(report.model())).append(" version ").append(esc(report.version()))
        .append("</h1>\n<p class=\"muted\">").append(esc(report.current()))
        .append(String.format(Locale.ROOT, " — %,d rows against %,d reference rows, %s</p>%n",
            report.currentRows(), report.referenceRows(), esc(report.createdAt())));
    h.append("<p>").append(verdict(report.datasetDrift(), "Dataset drift", "No dataset drift"))
        .append(": ").append(esc(DriftText.dataset(report.drift().inputs()))).append(".</p>\n");
    ColumnDrift prediction = report.drift().prediction();
    h.append("<p>").append(prediction == null ? "Prediction drift: not measured (the bundle's"
        + " reference profile has no prediction column)" : verdict(prediction.drifted(),
            "Prediction drift", "No prediction drift")).append(".</p>\n");
    h.append("<p class=\"muted\">Bars: share of rows per bin.<span class=\"key\" style=\""
        + "background:var(--ref)\"></span>reference (training)<span class=\"key\" style=\""
        + "background:var(--cur)\"></span>current</p>\n<div class=\"grid\">\n");
    List<ColumnDrift> columns = new ArrayList<>(report.drift().inputs().columns());
    columns.sort((a, b) -> Boolean.compare(b.drifted(), a.drifted()));
    Optional.ofNullable(prediction).ifPresent(p -> columns.add(0, p));
    for (ColumnDrift c : columns) {
      Map<String, Object> view = DriftViews.column(c, reference, current);
      h.append("<section class=\"card\"><h3>").append(esc(c.column()))
          .append(c == prediction ? " (prediction)" : "").append(" — ")
          .append(verdict(c.drifted(), "drifted", "no drift")).append("</h3><p>")
          .append(esc((String) view.get("score_text"))).append("</p>");
      if (view.get("change_text") != null) {
        h.append("<p class=\"muted\">").append(esc((String) view.get("change_text")))
            .append("</p>");
      }
      h.append(view.getOrDefault("svg", "")).append("</section>\n");
    }
    h.append("</div>\n");
    if (!report.decay().isEmpty()) {
      h.append("<h2>Decay against labels</h2>\n<table><tr><th>window start</th><th>rows</th>"
          + "<th>metric</th><th>value</th><th>baseline</th><th>decayed</th></tr>\n");
      for (DecayCheck.Window w : report.decay()) {
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s</td><td>%.4f</td>"
            + "<td>%s</td><td>%s</td></tr>%n", w.start(), w.rows(), esc(w.metric()), w.value(),
            w.baseline() == null ? "–" : String.format(Locale.ROOT, "%.4f", w.baseline()),
            verdict(w.decayed(), "decayed", "no")));
      }
      h.append("</table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /**
   * Writes the profiles ({@link #PROFILES_SUFFIX}) and the static HTML page ({@code .html})
   * beside a saved JSON report, each atomically.
   *
   * @param reportJson the saved report, e.g. {@code report-<time>.json}
   * @return the HTML page
   * @throws IOException if a file cannot be written
   */
  public static Path writeBeside(Path reportJson, MonitorReport report, DataProfile reference,
      DataProfile current) throws IOException {
    AtomicFiles.write(MonitorReports.sibling(reportJson, PROFILES_SUFFIX),
        profilesJson(reference, current).getBytes(StandardCharsets.UTF_8));
    Path html = MonitorReports.sibling(reportJson, ".html");
    AtomicFiles.write(html, staticReport(report, reference, current)
        .getBytes(StandardCharsets.UTF_8));
    return html;
  }

  /** Returns the two profiles as the JSON kept beside a report ({@link #PROFILES_SUFFIX}). */
  public static String profilesJson(DataProfile reference, DataProfile current) {
    return Json.text(Map.of("reference", reference, "current", current));
  }

  /**
   * Reads the profiles written by {@link #profilesJson}.
   *
   * @return the reference and current profile, in that order
   * @throws KilnException if the file cannot be read or is not such a file
   */
  public static List<DataProfile> readProfiles(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      return List.of(DataProfile.fromJson(node.get("reference").toString()),
          DataProfile.fromJson(node.get("current").toString()));
    } catch (IOException | NullPointerException e) {
      throw new KilnException("Cannot read the profiles of a monitoring report from '" + file
          + "'.", "rerun kiln monitor to write the report again", e);
    }
  }

  private static String verdict(boolean crossed, String yes, String no) {
    return crossed ? "<span class=\"bad\">" + yes + "</span>"
        : "<span class=\"ok\">" + no + "</span>";
  }

  private static String esc(String text) {
    return HistogramSvg.esc(text);
  }
}
