package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.get;
import static dev.kiln.tracking.internal.rest.MlflowApi.post;
import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.CreateRunRequest;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Routes of MLflow's runs, metrics and run-artifact listing API. */
final class RunRoutes {
  private final TrackingStore store;
  private final RunArtifacts artifacts;

  RunRoutes(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.artifacts = new RunArtifacts(store, artifacts);
  }

  void configure(JavalinConfig config) {
    post(config, "runs/create", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("run", Responses.run(store.createRun(new CreateRunRequest(
          f.required("experiment_id"), f.optional("run_name"), f.keyValues("tags"),
          f.optional("start_time") == null ? null : f.requiredLong("start_time"),
          f.optional("user_id"))))));
    });
    get(config, "runs/get", ctx -> reply(ctx, Map.of("run",
        Responses.run(store.getRun(Fields.of(ctx).runId())))));
    post(config, "runs/update", this::update);
    post(config, "runs/delete", ctx -> {
      store.deleteRun(Fields.of(ctx).runId());
      reply(ctx, Map.of());
    });
    post(config, "runs/restore", ctx -> {
      store.restoreRun(Fields.of(ctx).runId());
      reply(ctx, Map.of());
    });
    configureLogging(config);
    post(config, "runs/search", this::search);
    get(config, "metrics/get-history", ctx -> {
      Fields f = Fields.of(ctx);
      reply(ctx, Map.of("metrics", store.getMetricHistory(f.runId(), f.required("metric_key"))
          .stream().map(Responses::metric).toList()));
    });
    get(config, "artifacts/list", artifacts::list);
  }

  private void configureLogging(JavalinConfig config) {
    post(config, "runs/log-metric", ctx -> {
      Fields f = Fields.of(ctx);
      store.logBatch(f.runId(), LogBatch.metrics(metric(f)));
      reply(ctx, Map.of());
    });
    post(config, "runs/log-parameter", ctx -> {
      Fields f = Fields.of(ctx);
      store.logBatch(f.runId(), LogBatch.params(Map.of(f.required("key"), f.required("value"))));
      reply(ctx, Map.of());
    });
    post(config, "runs/set-tag", ctx -> {
      Fields f = Fields.of(ctx);
      String value = f.optional("value");
      store.logBatch(f.runId(), LogBatch.tags(Map.of(f.required("key"),
          value == null ? "" : value)));
      reply(ctx, Map.of());
    });
    post(config, "runs/delete-tag", ctx -> {
      Fields f = Fields.of(ctx);
      store.deleteRunTag(f.runId(), f.required("key"));
      reply(ctx, Map.of());
    });
    post(config, "runs/log-batch", this::logBatch);
  }

  /**
   * Ends a run (a new status, end_time) and/or renames it (run_name), as MLflow's runs/update.
   * The status the run already has changes nothing: {@code MlflowClient.update_run(id, name=...)}
   * sends the current one along with the name.
   */
  private void update(Context ctx) {
    Fields f = Fields.of(ctx);
    String status = f.optional("status");
    String end = f.optional("end_time");
    if (status == null && end != null) {
      throw new InvalidParameterException("end_time is given without a status.",
          "Send status FINISHED, FAILED or KILLED with end_time.");
    }
    String runId = f.runId();
    String name = f.optional("run_name");
    Run run = store.getRun(runId);
    RunStatus target = status == null ? run.status() : RunStatus.parse(status);
    if (target != run.status()) {
      run = store.updateRun(runId, target, end == null ? System.currentTimeMillis()
          : f.requiredLong("end_time"));
    }
    if (name != null) {
      run = store.renameRun(runId, name);
    }
    reply(ctx, Map.of("run_info", Responses.runInfo(run)));
  }

  private void logBatch(Context ctx) {
    Fields f = Fields.of(ctx);
    List<Metric> metrics = new ArrayList<>();
    f.node("metrics").forEach(m -> metrics.add(metric(Fields.of(m))));
    store.logBatch(f.runId(), new LogBatch(metrics, f.keyValues("params"), f.keyValues("tags")));
    reply(ctx, Map.of());
  }

  private void search(Context ctx) {
    Fields f = Fields.of(ctx);
    SearchRequest request = MlflowApi.search(f, 1000, SearchRequest.MAX_RESULTS);
    reply(ctx, MlflowApi.page("runs", store.searchRuns(f.list("experiment_ids"), request,
        ViewType.parse(f.optional("run_view_type"))), Responses::run));
  }

  private static Metric metric(Fields f) {
    String key = f.required("key");
    try {
      String step = f.optional("step");
      return new Metric(key, Double.parseDouble(f.required("value")),
          Long.parseLong(f.required("timestamp")), step == null ? 0 : Long.parseLong(step));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("Metric '" + key + "' has a non-numeric value, "
          + "timestamp or step.", "Send value as a number, timestamp and step as integers.");
    }
  }
}
