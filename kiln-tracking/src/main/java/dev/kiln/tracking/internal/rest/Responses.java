package dev.kiln.tracking.internal.rest;

import dev.kiln.tracking.Metric;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.experiment.Experiment;
import dev.kiln.tracking.registry.RegisteredModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps tracking records to MLflow's JSON shape (snake_case, unset fields left out). Artifact
 * locations are given as {@code mlflow-artifacts:/...} URIs, as {@code mlflow server} gives them
 * when it serves artifacts: clients then upload and download through this server's artifact
 * proxy, wherever they run, instead of writing to the server's file paths.
 */
final class Responses {
  /** The scheme MLflow clients resolve to {@code <tracking URI>/api/2.0/mlflow-artifacts/artifacts}. */
  static final String PROXY = "mlflow-artifacts:/";

  private Responses() {}

  static List<Map<String, String>> keyValues(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> (Map<String, String>) new TreeMap<>(
            Map.of("key", e.getKey(), "value", e.getValue())))
        .toList();
  }

  static Map<String, Object> experiment(Experiment e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment_id", e.id());
    out.put("name", e.name());
    out.put("artifact_location", PROXY + e.id());
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
    if (r.userId() != null) {
      out.put("user_id", r.userId());
    }
    out.put("status", r.status().name());
    out.put("start_time", r.startTime());
    r.end().ifPresent(end -> out.put("end_time", end));
    out.put("artifact_uri", PROXY + r.artifactFolder());
    out.put("lifecycle_stage", r.deleted() ? "deleted" : "active");
    return out;
  }

  static Map<String, Object> run(Run r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("metrics", r.metrics().values().stream().map(Responses::metric).toList());
    data.put("params", keyValues(r.params()));
    data.put("tags", keyValues(r.tags()));
    return Map.of("info", runInfo(r), "data", data);
  }

  /** A registered model with the latest version of each stage, as MLflow answers it. */
  static Map<String, Object> model(RegisteredModel m, List<ModelVersion> latest) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("creation_timestamp", m.creationTime());
    out.put("last_updated_timestamp", m.lastUpdateTime());
    out.put("description", m.description());
    out.put("latest_versions", latest.stream().map(Responses::version).toList());
    out.put("tags", keyValues(m.tags()));
    out.put("aliases", new TreeMap<>(m.aliases()).entrySet().stream()
        .map(e -> new TreeMap<>(Map.of("alias", e.getKey(),
            "version", Long.toString(e.getValue())))).toList());
    return out;
  }

  static Map<String, Object> version(ModelVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    out.put("version", Long.toString(v.version()));
    out.put("creation_timestamp", v.creationTime());
    out.put("last_updated_timestamp", v.lastUpdateTime());
    out.put("current_stage", v.stage().label());
    out.put("description", v.description());
    out.put("source", v.source());
    if (v.runId() != null) {
      out.put("run_id", v.runId());
    }
    out.put("status", v.status());
    out.put("tags", keyValues(v.tags()));
    out.put("aliases", v.aliases());
    return out;
  }
}
