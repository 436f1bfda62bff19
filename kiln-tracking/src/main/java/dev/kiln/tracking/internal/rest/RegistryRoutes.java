package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.get;
import static dev.kiln.tracking.internal.rest.MlflowApi.post;
import static dev.kiln.tracking.internal.rest.MlflowApi.reply;
import static dev.kiln.tracking.internal.rest.Requests.body;
import static dev.kiln.tracking.internal.rest.Requests.required;
import static dev.kiln.tracking.internal.rest.Requests.requiredQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.RegisteredModel;
import dev.kiln.tracking.TrackingStore;
import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes of MLflow's model registry API: models, versions and aliases. */
final class RegistryRoutes {
  private static final String BASE = "/api/2.0/mlflow/";

  private final TrackingStore store;

  RegistryRoutes(TrackingStore store) {
    this.store = store;
  }

  void configure(JavalinConfig config) {
    post(config, "registered-models/create", ctx -> {
      JsonNode b = body(ctx);
      reply(ctx, Map.of("registered_model", model(store.createRegisteredModel(
          required(b, "name"), b.path("description").asText(""), Requests.tags(b.get("tags"))))));
    });
    get(config, "registered-models/get", ctx -> reply(ctx, Map.of("registered_model",
        model(store.getRegisteredModel(requiredQuery(ctx, "name"))))));
    config.routes.delete(BASE + "registered-models/delete", ctx -> {
      store.deleteRegisteredModel(required(body(ctx), "name"));
      reply(ctx, Map.of());
    });
    post(config, "model-versions/create", ctx -> {
      JsonNode b = body(ctx);
      reply(ctx, Map.of("model_version", version(store.createModelVersion(required(b, "name"),
          required(b, "source"), b.path("run_id").asText(null), Requests.tags(b.get("tags"))))));
    });
    get(config, "model-versions/get", ctx -> reply(ctx, Map.of("model_version",
        version(store.getModelVersion(requiredQuery(ctx, "name"),
            Long.parseLong(requiredQuery(ctx, "version")))))));
    post(config, "registered-models/alias", ctx -> {
      JsonNode b = body(ctx);
      store.updateAlias(required(b, "name"), required(b, "alias"),
          Long.parseLong(required(b, "version")));
      reply(ctx, Map.of());
    });
    get(config, "registered-models/alias", ctx -> reply(ctx, Map.of("model_version",
        version(store.getModelVersionByAlias(requiredQuery(ctx, "name"),
            requiredQuery(ctx, "alias"))))));
    config.routes.delete(BASE + "registered-models/alias", ctx -> {
      JsonNode b = body(ctx);
      store.deleteAlias(required(b, "name"), required(b, "alias"));
      reply(ctx, Map.of());
    });
  }

  private static Map<String, Object> model(RegisteredModel m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("creation_timestamp", m.creationTime());
    out.put("last_updated_timestamp", m.lastUpdateTime());
    out.put("description", m.description());
    out.put("tags", Responses.keyValues(m.tags()));
    out.put("aliases", m.aliases().entrySet().stream()
        .map(e -> new java.util.TreeMap<>(Map.of("alias", e.getKey(),
            "version", Long.toString(e.getValue())))).toList());
    return out;
  }

  private static Map<String, Object> version(ModelVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    out.put("version", Long.toString(v.version()));
    out.put("creation_timestamp", v.creationTime());
    out.put("last_updated_timestamp", v.creationTime());
    out.put("current_stage", "None");
    out.put("description", v.description());
    out.put("source", v.source());
    if (v.runId() != null) {
      out.put("run_id", v.runId());
    }
    out.put("status", v.status());
    out.put("tags", Responses.keyValues(v.tags()));
    return out;
  }
}
