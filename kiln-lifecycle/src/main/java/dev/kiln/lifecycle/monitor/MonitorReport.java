package dev.kiln.lifecycle.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.core.KilnException;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one monitoring run: per-column data drift, prediction drift, the dataset
 * verdict and, with labels, decay per time window. A threshold is crossed when the data set
 * drifted, the prediction drifted or a window decayed. {@link #toJson()} and {@link #read(Path)}
 * are the one definition of the report's JSON; {@link MonitorReports} keeps the files.
 *
 * @param model the model name
 * @param version the model version
 * @param createdAt when the report was made, ISO-8601
 * @param current what was compared with the reference (a file, or a prediction log and window)
 * @param referenceRows rows behind the reference profile
 * @param currentRows rows of the current data
 * @param drift the drift verdicts
 * @param decay per window and metric, empty without labels
 */
public record MonitorReport(String model, String version, String createdAt, String current,
    long referenceRows, long currentRows, DriftCheck.Result drift, List<DecayCheck.Window> decay) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the list. */
  public MonitorReport {
    decay = List.copyOf(decay);
  }

  /** Returns whether the share of drifted input columns reached the drift share. */
  public boolean datasetDrift() {
    return drift.inputs().datasetDrift();
  }

  /** Returns whether any time window decayed. */
  public boolean decayed() {
    return decay.stream().anyMatch(DecayCheck.Window::decayed);
  }

  /** Returns whether dataset drift, prediction drift or decay was detected. */
  public boolean crossed() {
    return datasetDrift() || drift.predictionDrift() || decayed();
  }

  /** Returns the input columns that drifted. */
  public List<ColumnDrift> driftedColumns() {
    return drift.inputs().columns().stream().filter(ColumnDrift::drifted).toList();
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @throws KilnException if the file cannot be read or is not a monitoring report (fields
   *     missing, times that are not ISO-8601)
   */
  public static MonitorReport read(Path file) {
    JsonNode r;
    try {
      r = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new KilnException("Cannot read the monitoring report '" + file + "': "
          + e.getMessage(), "rerun kiln monitor to write it again", e);
    }
    if (r == null || !r.path("model").isTextual() || !r.path("columns").isArray()
        || !r.path("created_at").isTextual()) {
      throw new KilnException("'" + file + "' is not a monitoring report (it lacks model,"
          + " created_at or columns).", "rerun kiln monitor to write it again");
    }
    try {
      return parse(r);
    } catch (DateTimeParseException e) {
      throw new KilnException("'" + file + "' is not a monitoring report: " + e.getMessage(),
          "rerun kiln monitor to write it again", e);
    }
  }

  private static MonitorReport parse(JsonNode r) {
    Instant.parse(r.path("created_at").asText()); // so that created() cannot fail later
    List<ColumnDrift> columns = new ArrayList<>();
    r.path("columns").forEach(c -> columns.add(column(c)));
    DriftReport inputs = new DriftReport(columns, r.path("drift_share").asDouble(),
        r.path("drift_share_threshold").asDouble(), r.path("dataset_drift").asBoolean());
    ColumnDrift prediction = r.path("prediction").isObject() ? column(r.path("prediction")) : null;
    List<DecayCheck.Window> decay = new ArrayList<>();
    r.path("decay_windows").forEach(w -> decay.add(new DecayCheck.Window(
        Instant.parse(w.path("start").asText()), w.path("rows").asInt(),
        w.path("metric").asText(), w.path("value").asDouble(),
        w.path("baseline").isNumber() ? w.path("baseline").asDouble() : null,
        w.path("decayed").asBoolean())));
    return new MonitorReport(r.path("model").asText(), r.path("version").asText(),
        r.path("created_at").asText(), r.path("current").asText(),
        r.path("reference_rows").asLong(), r.path("current_rows").asLong(),
        new DriftCheck.Result(inputs, prediction), decay);
  }

  private static ColumnDrift column(JsonNode c) {
    return new ColumnDrift(c.path("column").asText(), c.path("test").asText(),
        c.path("score").asDouble(), c.path("threshold").asDouble(), c.path("drifted").asBoolean());
  }

  /** Returns when the report was made. */
  public Instant created() {
    return Instant.parse(createdAt);
  }

  /**
   * Returns the drift score of each input column and of the prediction column, in report order:
   * what a server publishes as gauges.
   */
  public Map<String, Double> driftScores() {
    Map<String, Double> scores = new LinkedHashMap<>();
    drift.inputs().columns().forEach(c -> scores.put(c.column(), c.score()));
    if (drift.prediction() != null) {
      scores.put(drift.prediction().column(), drift.prediction().score());
    }
    return scores;
  }

  /** Returns the full report as JSON. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("version", version);
    m.put("created_at", createdAt);
    m.put("current", current);
    m.put("reference_rows", referenceRows);
    m.put("current_rows", currentRows);
    m.put("columns", drift.inputs().columns());
    m.put("drift_share", drift.inputs().share());
    m.put("drift_share_threshold", drift.inputs().driftShare());
    m.put("dataset_drift", datasetDrift());
    m.put("prediction", drift.prediction());
    m.put("prediction_drift", drift.predictionDrift());
    m.put("decay_windows", decay.stream().map(MonitorReport::json).toList());
    m.put("decay", decayed());
    return write(m);
  }

  /** Returns a decay window as the report's JSON holds it (the start as ISO-8601 text). */
  public static Map<String, Object> json(DecayCheck.Window w) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("start", w.start().toString());
    d.put("rows", w.rows());
    d.put("metric", w.metric());
    d.put("value", w.value());
    d.put("baseline", w.baseline());
    d.put("decayed", w.decayed());
    return d;
  }

  /** Returns the short JSON an alert carries: the verdicts, drifted columns and the report. */
  public String summary(String reportPath) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("version", version);
    m.put("dataset_drift", datasetDrift());
    m.put("prediction_drift", drift.predictionDrift());
    m.put("decay", decayed());
    m.put("drifted_columns", driftedColumns().stream().map(c -> Map.of("column", c.column(),
        "score", c.score(), "threshold", c.threshold())).toList());
    m.put("report", reportPath);
    return write(m);
  }

  /** Returns a plain-text table of the verdicts, for a terminal. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Model %s version %s: %s against %,d reference rows%n",
        model, version, current, referenceRows));
    out.append(String.format(Locale.ROOT, "%-24s %-15s %10s %10s  %s%n", "column", "method",
        "score", "threshold", "drifted"));
    List<ColumnDrift> rows = new ArrayList<>(drift.inputs().columns());
    if (drift.prediction() != null) {
      rows.add(drift.prediction());
    }
    for (ColumnDrift c : rows) {
      out.append(String.format(Locale.ROOT, "%-24s %-15s %10.4f %10.4f  %s%n", c.column(),
          c.test(), c.score(), c.threshold(), c.drifted() ? "DRIFT" : "no"));
    }
    out.append(String.format(Locale.ROOT, "Dataset drift: %s (%d of %d columns drifted, share"
        + " %.2f; drift from %.2f)%n", datasetDrift() ? "YES" : "no", driftedColumns().size(),
        drift.inputs().columns().size(), drift.inputs().share(), drift.inputs().driftShare()));
    out.append(drift.prediction() == null
        ? "Prediction drift: not measured (the bundle's reference profile has no "
            + "prediction column)\n"
        : "Prediction drift: " + (drift.predictionDrift() ? "YES" : "no") + "\n");
    if (!decay.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%-22s %6s %-9s %8s %9s  %s%n", "window", "rows",
          "metric", "value", "baseline", "decayed"));
      for (DecayCheck.Window w : decay) {
        out.append(String.format(Locale.ROOT, "%-22s %6d %-9s %8.4f %9s  %s%n", w.start(),
            w.rows(), w.metric(), w.value(), w.baseline() == null ? "-"
                : String.format(Locale.ROOT, "%.4f", w.baseline()), w.decayed() ? "DECAY" : "no"));
      }
    }
    return out.toString();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reports are plain maps and records", e);
    }
  }
}
