package dev.kiln.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.serving.TabularInputs;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.registry.AliasMove;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry endpoints MLflow's API lacks: a version's bundle (schema, metrics, lineage),
 * its charts (importance, SHAP summary, evaluation curves), its prediction form and
 * predictions with explanations, and alias history and rollback.
 */
public final class ModelApi {
  private static final int MAX_ROWS = 100;

  private final TrackingStore store;
  private final BundleCache bundles;
  private final Map<String, Map<String, Object>> insights = new ConcurrentHashMap<>();

  /** Creates the endpoints over a registry. */
  public ModelApi(TrackingStore store, BundleCache bundles) {
    this.store = store;
    this.bundles = bundles;
  }

  /** Returns a version with its bundle's manifest (without the reference profile). */
  public Map<String, Object> version(String name, long version) {
    ModelVersion v = bundles.version(name, version);
    BundleManifest m = bundles.get(name, version).manifest();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("task", m.task().name().toLowerCase(java.util.Locale.ROOT));
    manifest.put("label", m.label());
    manifest.put("threshold", m.threshold());
    manifest.put("model_format", m.modelFormat());
    manifest.put("created_at", m.createdAt());
    manifest.put("inputs", m.inputs());
    manifest.put("features", m.features());
    manifest.put("metrics", m.metrics());
    manifest.put("lineage", m.lineage());
    manifest.put("encrypted", m.encryption() != null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    out.put("version", v.version());
    out.put("run_id", v.runId());
    out.put("source", v.source());
    out.put("created", v.creationTime());
    out.put("tags", v.tags());
    out.put("bundle", manifest);
    return out;
  }

  /** Returns a version's charts; computed once per version (they never change). */
  public Map<String, Object> insights(String name, long version) {
    return insights.computeIfAbsent(name + "\0" + version, k -> {
      ModelVersion v = bundles.version(name, version);
      List<DatasetInput> lineage = v.runId() == null ? List.of()
          : store.getRun(v.runId()).inputs();
      return ModelInsights.of(bundles.get(name, version), lineage);
    });
  }

  /** Returns the prediction form of a version. */
  public Map<String, Object> form(String name, long version) {
    return FormSpec.of(bundles.get(name, version));
  }

  /**
   * Predicts {@code {"instances": [{...}]}} with a version and explains each row.
   *
   * @throws dev.kiln.serving.ClientError for a malformed body or inputs
   */
  public Map<String, Object> predict(String name, long version, byte[] body) {
    LoadedBundle bundle = bundles.get(name, version);
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw UiError.badRequest("The body is not JSON: " + e.getMessage(),
          "send {\"instances\": [{\"field\": value, ...}]}");
    }
    Frame input = new TabularInputs(bundle.manifest().inputs(), MAX_ROWS)
        .instances(json.path("instances"), "instances");
    Frame outputs = bundle.predict(input);
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int r = 0; r < outputs.rowCount(); r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (var c : outputs.columns()) {
        row.put(c.name(), c.get(r));
      }
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("predictions", rows);
    if (bundle.explainable()) {
      out.put("explanations", bundle.explain(input));
    }
    return out;
  }

  /** Returns the moves of an alias, oldest first. */
  public List<Map<String, Object>> aliasHistory(String name, String alias) {
    return store.getAliasHistory(name, alias).stream().map(ModelApi::move).toList();
  }

  /** Moves an alias back to its previous version and returns that version. */
  public Map<String, Object> rollback(String name, String alias) {
    ModelVersion v = store.rollbackAlias(name, alias);
    return Map.of("name", v.name(), "alias", alias, "version", v.version());
  }

  private static Map<String, Object> move(AliasMove m) {
    return Json.MAPPER.convertValue(m, Map.class);
  }
}
