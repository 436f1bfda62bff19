package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.delete;
import static dev.kiln.tracking.internal.rest.MlflowApi.get;
import static dev.kiln.tracking.internal.rest.MlflowApi.patch;
import static dev.kiln.tracking.internal.rest.MlflowApi.post;
import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.registry.ModelStage;
import io.javalin.config.JavalinConfig;
import java.util.Map;

/** Routes of MLflow's model-versions API. */
final class VersionRoutes {
  private final TrackingStore store;

  VersionRoutes(TrackingStore store) {
    this.store = store;
  }

  void configure(JavalinConfig config) {
    post(config, "model-versions/create", ctx -> {
      Fields f = Fields.of(ctx);
      ModelVersion v = store.createModelVersion(f.required("name"), f.required("source"),
          f.optional("run_id"), f.keyValues("tags"));
      String description = f.optional("description");
      reply(ctx, Map.of("model_version", Responses.version(description == null ? v
          : store.updateModelVersion(v.name(), v.version(), description))));
    });
    get(config, "model-versions/get", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("model_version", Responses.version(
          store.getModelVersion(f.required("name"), f.requiredLong("version")))));
    });
    delete(config, "model-versions/delete", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteModelVersion(f.required("name"), f.requiredLong("version"));
      reply(ctx, Map.of());
    });
    get(config, "model-versions/search", ctx -> reply(ctx, MlflowApi.page("model_versions",
        store.searchModelVersions(MlflowApi.search(Fields.of(ctx), SearchRequest.MAX_RESULTS,
            SearchRequest.MAX_RESULTS)), Responses::version)));
    patch(config, "model-versions/update", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("model_version", Responses.version(store.updateModelVersion(
          f.required("name"), f.requiredLong("version"), f.optional("description")))));
    });
    configureTagsAndStages(config);
  }

  private void configureTagsAndStages(JavalinConfig config) {
    post(config, "model-versions/set-tag", ctx -> {
      Fields f = Fields.of(ctx);
      String value = f.optional("value");
      store.setModelVersionTag(f.required("name"), f.requiredLong("version"), f.required("key"),
          value == null ? "" : value);
      reply(ctx, Map.of());
    });
    delete(config, "model-versions/delete-tag", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteModelVersionTag(f.required("name"), f.requiredLong("version"),
          f.required("key"));
      reply(ctx, Map.of());
    });
    post(config, "model-versions/transition-stage", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("model_version", Responses.version(store.transitionModelVersionStage(
          f.required("name"), f.requiredLong("version"), ModelStage.parse(f.required("stage")),
          f.requiredBoolean("archive_existing_versions")))));
    });
    get(config, "model-versions/get-download-uri", ctx -> {
      Fields f = Fields.of(ctx);
      String source = store.getModelVersion(f.required("name"), f.requiredLong("version"))
          .source();
      reply(ctx, Map.of("artifact_uri", downloadUri(source)));
    });
  }

  /** Resolves a source relative to the artifact store root to the proxy's URI scheme. */
  private static String downloadUri(String source) {
    return source.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") ? source : Responses.PROXY + source;
  }
}
