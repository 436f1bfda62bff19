package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.get;
import static dev.kiln.tracking.internal.rest.MlflowApi.post;
import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Routes of MLflow's experiments API. */
final class ExperimentRoutes {
  private final TrackingStore store;

  ExperimentRoutes(TrackingStore store) {
    this.store = store;
  }

  void configure(JavalinConfig config) {
    post(config, "experiments/create", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("experiment_id", store.createExperiment(f.required("name"),
          f.keyValues("tags")).id()));
    });
    get(config, "experiments/get", ctx -> reply(ctx, Map.of("experiment",
        Responses.experiment(store.getExperiment(Fields.of(ctx).required("experiment_id"))))));
    get(config, "experiments/get-by-name", ctx -> reply(ctx, Map.of("experiment",
        Responses.experiment(store.getExperimentByName(
            Fields.of(ctx).required("experiment_name"))))));
    post(config, "experiments/search", this::search);
    get(config, "experiments/search", this::search);
    post(config, "experiments/update", ctx -> {
      Fields f = Fields.of(ctx);
      store.updateExperiment(f.required("experiment_id"), f.required("new_name"));
      reply(ctx, Map.of());
    });
    post(config, "experiments/delete", ctx -> {
      store.deleteExperiment(Fields.of(ctx).required("experiment_id"));
      reply(ctx, Map.of());
    });
    post(config, "experiments/restore", ctx -> {
      store.restoreExperiment(Fields.of(ctx).required("experiment_id"));
      reply(ctx, Map.of());
    });
    post(config, "experiments/set-experiment-tag", ctx -> {
      Fields f = Fields.of(ctx);
      store.setExperimentTag(f.required("experiment_id"), f.required("key"),
          f.optional("value") == null ? "" : f.optional("value"));
      reply(ctx, Map.of());
    });
    post(config, "experiments/delete-experiment-tag", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteExperimentTag(f.required("experiment_id"), f.required("key"));
      reply(ctx, Map.of());
    });
  }

  private void search(Context ctx) {
    Fields f = Fields.of(ctx);
    SearchRequest request = MlflowApi.search(f, 1000, SearchRequest.MAX_RESULTS);
    reply(ctx, MlflowApi.page("experiments",
        store.searchExperiments(request, ViewType.parse(f.optional("view_type"))),
        Responses::experiment));
  }
}
