package dev.kiln.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.DataProfile;
import dev.kiln.ui.DriftCharts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private List<JsonNode> decay(String model) {
    Map<String, JsonNode> windows = new LinkedHashMap<>();
    for (Path file : reports(model)) {
      read(file).path("decay_windows").forEach(w -> windows.put(w.path("metric").asText() + '@'
          + w.path("start").asText(), w));
    }
    return windows.values().stream().sorted(java.util.Comparator.comparing(
        (JsonNode w) -> java.time.Instant.parse(w.path("start").asText()))).toList();
  }

  /** Returns one report with the verdict explained and a chart per column. */
  public Map<String, Object> report(String model, String id) {
    Path file = reports(model).stream().filter(p -> stem(p).equals(id)).findFirst()
        .orElseThrow(() -> UiError.notFound("Model '" + model + "' has no report '" + id + "'.",
            "pick one from the list of reports"));
    JsonNode r = read(file);
    Path profiles = file.resolveSibling(id + DriftCharts.PROFILES_SUFFIX);
    List<DataProfile> both = Files.isRegularFile(profiles) ? DriftCharts.readProfiles(profiles)
        : List.of();
    DataProfile ref = both.isEmpty() ? null : both.get(0);
    DataProfile cur = both.isEmpty() ? null : both.get(1);
    List<ColumnDrift> columns = new ArrayList<>();
    r.path("columns").forEach(c -> columns.add(drift(c)));
    Map<String, Object> out = new LinkedHashMap<>(Json.MAPPER.convertValue(r, Map.class));
    out.put("id", id);
    out.put("verdict_text", DriftText.dataset(new DriftReport(columns,
        r.path("drift_share").asDouble(), r.path("drift_share_threshold").asDouble(),
        r.path("dataset_drift").asBoolean())));
    out.put("charts", ref != null);
    out.put("columns", columns.stream().map(c -> DriftViews.column(c, ref, cur)).toList());
    if (r.path("prediction").isObject()) {
      out.put("prediction", DriftViews.column(drift(r.path("prediction")), ref, cur));
    }
    return out;
  }

  private Map<String, Object> summary(Path file) {
    JsonNode r = read(file);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", stem(file));
    m.put("created_at", r.path("created_at").asText());
    m.put("version", r.path("version").asText());
    m.put("current_rows", r.path("current_rows").asLong());
    m.put("drift_share", r.path("drift_share").asDouble());
    m.put("drift_share_threshold", r.path("drift_share_threshold").asDouble());
    m.put("dataset_drift", r.path("dataset_drift").asBoolean());
    m.put("prediction_drift", r.path("prediction_drift").asBoolean());
    m.put("prediction_score", r.path("prediction").isObject()
        ? r.path("prediction").path("score").asDouble() : null);
    m.put("decay", r.path("decay").asBoolean());
    Map<String, Double> scores = new LinkedHashMap<>();
    r.path("columns").forEach(c -> scores.put(c.path("column").asText(),
        c.path("score").asDouble()));
    m.put("scores", scores);
    m.put("drifted", columnsWhere(r, true));
    return m;
  }

  private static List<String> columnsWhere(JsonNode r, boolean drifted) {
    List<String> out = new ArrayList<>();
    r.path("columns").forEach(c -> {
      if (c.path("drifted").asBoolean() == drifted) {
        out.add(c.path("column").asText());
      }
    });
    return out;
  }

  private static ColumnDrift drift(JsonNode c) {
    return new ColumnDrift(c.path("column").asText(), c.path("test").asText(),
        c.path("score").asDouble(), c.path("threshold").asDouble(),
        c.path("drifted").asBoolean());
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

  private static JsonNode read(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read monitoring report " + file, e);
    }
  }
}
