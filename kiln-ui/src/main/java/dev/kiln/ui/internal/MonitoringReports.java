package dev.kiln.ui.internal;

import dev.kiln.core.KilnException;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.profile.DataProfile;
import dev.kiln.ui.DriftCharts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reports {@code kiln monitor} wrote, {@code <dir>/<model>/report-<time>.json} with the
 * profiles beside them: per model the series over time (dataset drift share, prediction drift,
 * column scores, decay) and each report with its charts.
 */
public final class MonitoringReports {
  private static final String PREFIX = "report-";

  private final Path dir;

  /** Reads reports under a monitoring folder (it may not exist yet). */
  public MonitoringReports(Path dir) {
    this.dir = dir;
  }

  /** Returns each model with reports and its latest verdicts. */
  public List<Map<String, Object>> models() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path model : list(dir, Files::isDirectory)) {
      List<Path> reports = reports(model.getFileName().toString());
      if (!reports.isEmpty()) {
        Map<String, Object> m = summary(reports.get(reports.size() - 1));
        m.put("model", model.getFileName().toString());
        m.put("reports", reports.size());
        out.add(m);
      }
    }
    return out;
  }

  /** Returns a model's reports, oldest first, as a time series. */
  public Map<String, Object> series(String model) {
    List<Map<String, Object>> points = reports(model).stream().map(this::summary).toList();
    if (points.isEmpty()) {
      throw UiError.notFound("No monitoring reports for model '" + model + "' in " + dir + ".",
          "run 'kiln monitor " + model + " --current FILE' or '--from-logs' first");
    }
    return Map.of("model", model, "reports", points, "decay", decay(model));
  }

  /**
   * Returns the labelled windows of all a model's reports by window start: a window that later
   * reports measured again (with more labels) keeps its latest measure.
   */
  private List<Map<String, Object>> decay(String model) {
    Map<String, DecayCheck.Window> windows = new LinkedHashMap<>();
    for (Path file : reports(model)) {
      read(file).decay().forEach(w -> windows.put(w.metric() + '@' + w.start(), w));
    }
    return windows.values().stream().sorted(Comparator.comparing(DecayCheck.Window::start))
        .map(MonitorReport::json).toList();
  }

  /** Returns one report with the verdict explained and a chart per column. */
  public Map<String, Object> report(String model, String id) {
    Path file = reports(model).stream().filter(p -> stem(p).equals(id)).findFirst()
        .orElseThrow(() -> UiError.notFound("Model '" + model + "' has no report '" + id + "'.",
            "pick one from the list of reports"));
    MonitorReport r = read(file);
    Path profiles = file.resolveSibling(id + DriftCharts.PROFILES_SUFFIX);
    List<DataProfile> both = Files.isRegularFile(profiles) ? DriftCharts.readProfiles(profiles)
        : List.of();
    DataProfile ref = both.isEmpty() ? null : both.get(0);
    DataProfile cur = both.isEmpty() ? null : both.get(1);
    Map<String, Object> out = json(r);
    out.put("id", id);
    out.put("verdict_text", DriftText.dataset(r.drift().inputs()));
    out.put("charts", ref != null);
    out.put("columns", r.drift().inputs().columns().stream()
        .map(c -> DriftViews.column(c, ref, cur)).toList());
    if (r.drift().prediction() != null) {
      out.put("prediction", DriftViews.column(r.drift().prediction(), ref, cur));
    }
    return out;
  }

  private Map<String, Object> summary(Path file) {
    MonitorReport r = read(file);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", stem(file));
    m.put("created_at", r.createdAt());
    m.put("version", r.version());
    m.put("current_rows", r.currentRows());
    m.put("drift_share", r.drift().inputs().share());
    m.put("drift_share_threshold", r.drift().inputs().driftShare());
    m.put("dataset_drift", r.datasetDrift());
    m.put("prediction_drift", r.drift().predictionDrift());
    m.put("prediction_score", r.drift().prediction() == null ? null
        : r.drift().prediction().score());
    m.put("decay", r.decayed());
    Map<String, Double> scores = new LinkedHashMap<>();
    r.drift().inputs().columns().forEach(c -> scores.put(c.column(), c.score()));
    m.put("scores", scores);
    m.put("drifted", r.driftedColumns().stream().map(ColumnDrift::column).toList());
    return m;
  }

  /** Returns the report as the JSON map the files hold. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(MonitorReport report) {
    try {
      return new LinkedHashMap<>(Json.MAPPER.readValue(report.toJson(), Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> reports(String model) {
    if (model.contains("/") || model.contains("..")) {
      throw UiError.badRequest("'" + model + "' is not a model name.", null);
    }
    return list(dir.resolve(model), p -> {
      String name = p.getFileName().toString();
      return name.startsWith(PREFIX) && name.endsWith(".json")
          && !name.endsWith(DriftCharts.PROFILES_SUFFIX);
    });
  }

  private static List<Path> list(Path folder, java.util.function.Predicate<Path> keep) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(keep).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }

  private static MonitorReport read(Path file) {
    try {
      return MonitorReport.read(file);
    } catch (KilnException e) {
      throw new UncheckedIOException(new IOException(e.describe(), e));
    }
  }
}
