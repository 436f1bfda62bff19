package dev.kiln.tracking.internal.rest;

import dev.kiln.tracking.Experiment;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps tracking records to MLflow's JSON shape (snake_case, unset fields left out). */
final class Responses {
  private Responses() {}

  static List<Map<String, String>> keyValues(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> (Map<String, String>) new java.util.TreeMap<>(
            Map.of("key", e.getKey(), "value", e.getValue())))
        .toList();
  }

  static Map<String, Object> experiment(Experiment e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment_id", e.id());
    out.put("name", e.name());
    out.put("artifact_location", e.artifactLocation());
    out.put("lifecycle_stage", e.deleted() ? "deleted" : "active");
    out.put("creation_time", e.creationTime());
    out.put("last_update_time", e.lastUpdateTime());
    out.put("tags", keyValues(e.tags()));
    return out;
  }

  static Map<String, Object> metric(Metric m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", m.key());
    out.put("value", m.value());
    out.put("timestamp", m.timestamp());
    out.put("step", m.step());
    return out;
  }

  static Map<String, Object> runInfo(Run r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", r.id());
    out.put("run_uuid", r.id());
    out.put("run_name", r.name());
    out.put("experiment_id", r.experimentId());
    out.put("status", r.status().name());
    out.put("start_time", r.startTime());
    r.end().ifPresent(end -> out.put("end_time", end));
    out.put("lifecycle_stage", "active");
    return out;
  }

  static Map<String, Object> run(Run r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("metrics", r.metrics().values().stream().map(Responses::metric).toList());
    data.put("params", keyValues(r.params()));
    data.put("tags", keyValues(r.tags()));
    return Map.of("info", runInfo(r), "data", data);
  }
}
