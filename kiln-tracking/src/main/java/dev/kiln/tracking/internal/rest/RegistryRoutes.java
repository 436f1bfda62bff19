package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.delete;
import static dev.kiln.tracking.internal.rest.MlflowApi.get;
import static dev.kiln.tracking.internal.rest.MlflowApi.patch;
import static dev.kiln.tracking.internal.rest.MlflowApi.post;
import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.registry.ModelStage;
import dev.kiln.tracking.registry.RegisteredModel;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Routes of MLflow's registered-models API: models, their tags and aliases. */
final class RegistryRoutes {
  /** MLflow's largest page of registered models. */
  private static final int MAX_MODELS = 1000;

  private final TrackingStore store;

  RegistryRoutes(TrackingStore store) {
    this.store = store;
  }

  void configure(JavalinConfig config) {
    post(config, "registered-models/create", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("registered_model", model(store.createRegisteredModel(
          f.required("name"), f.optional("description"), f.keyValues("tags")))));
    });
    get(config, "registered-models/get", ctx -> reply(ctx, Map.of("registered_model",
        model(store.getRegisteredModel(Fields.of(ctx).required("name"))))));
    delete(config, "registered-models/delete", ctx -> {
      store.deleteRegisteredModel(Fields.of(ctx).required("name"));
      reply(ctx, Map.of());
    });
    get(config, "registered-models/search", ctx -> reply(ctx, MlflowApi.page("registered_models",
        store.searchRegisteredModels(MlflowApi.search(Fields.of(ctx), 100, MAX_MODELS)),
        this::model)));
    post(config, "registered-models/rename", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("registered_model", model(store.renameRegisteredModel(
          f.required("name"), f.required("new_name")))));
    });
    patch(config, "registered-models/update", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("registered_model", model(store.updateRegisteredModel(
          f.required("name"), f.optional("description")))));
    });
    post(config, "registered-models/set-tag", ctx -> {
      Fields f = Fields.of(ctx);
      String value = f.optional("value");
      store.setRegisteredModelTag(f.required("name"), f.required("key"),
          value == null ? "" : value);
      reply(ctx, Map.of());
    });
    delete(config, "registered-models/delete-tag", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteRegisteredModelTag(f.required("name"), f.required("key"));
      reply(ctx, Map.of());
    });
    post(config, "registered-models/get-latest-versions", this::latestVersions);
    get(config, "registered-models/get-latest-versions", this::latestVersions);
    configureAliases(config);
  }

  private Map<String, Object> model(RegisteredModel m) {
    return Responses.model(m, store.getLatestVersions(m.name(), Set.of()));
  }

  private void latestVersions(Context ctx) {
    Fields f = Fields.of(ctx);
    Set<ModelStage> stages = new LinkedHashSet<>();
    f.list("stages").forEach(s -> stages.add(ModelStage.parse(s)));
    reply(ctx, Map.of("model_versions", store.getLatestVersions(f.required("name"), stages)
        .stream().map(Responses::version).toList()));
  }

  private void configureAliases(JavalinConfig config) {
    post(config, "registered-models/alias", ctx -> {
      Fields f = Fields.of(ctx);
      store.updateAlias(f.required("name"), f.required("alias"), f.requiredLong("version"));
      reply(ctx, Map.of());
    });
    get(config, "registered-models/alias", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("model_version", Responses.version(
          store.getModelVersionByAlias(f.required("name"), f.required("alias")))));
    });
    delete(config, "registered-models/alias", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteAlias(f.required("name"), f.required("alias"));
      reply(ctx, Map.of());
    });
  }
}
