package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.Requests.body;
import static dev.kiln.tracking.internal.rest.Requests.required;
import static dev.kiln.tracking.internal.rest.Requests.requiredQuery;
import static dev.kiln.tracking.internal.rest.Requests.runId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.TrackingStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes and handlers of MLflow's tracking API ({@code /api/2.0/mlflow/...}). */
public final class MlflowApi {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowApi.class);
  private static final String BASE = "/api/2.0/mlflow/";

  private final TrackingStore store;

  /** Creates the API over a store. */
  public MlflowApi(TrackingStore store) {
    this.store = store;
  }

  /** Declares the routes and error handling on a Javalin config. */
  public void configure(JavalinConfig config) {
    configureExperiments(config);
    configureRuns(config);
    new RegistryRoutes(store).configure(config);
    config.routes.exception(Exception.class, MlflowApi::error);
  }

  private void configureExperiments(JavalinConfig config) {
    post(config, "experiments/create", ctx -> {
      JsonNode b = body(ctx);
      reply(ctx, Map.of("experiment_id", store.createExperiment(required(b, "name"),
          Requests.tags(b.get("tags"))).id()));
    });
    get(config, "experiments/get", ctx -> reply(ctx, Map.of("experiment",
        Responses.experiment(store.getExperiment(requiredQuery(ctx, "experiment_id"))))));
    get(config, "experiments/get-by-name", ctx -> reply(ctx, Map.of("experiment",
        Responses.experiment(store.getExperimentByName(requiredQuery(ctx, "experiment_name"))))));
  }

  private void configureRuns(JavalinConfig config) {
    post(config, "runs/create", ctx -> {
      JsonNode b = body(ctx);
      reply(ctx, Map.of("run", Responses.run(store.createRun(required(b, "experiment_id"),
          b.path("run_name").asText(null), Requests.tags(b.get("tags"))))));
    });
    get(config, "runs/get", ctx -> reply(ctx, Map.of("run",
        Responses.run(store.getRun(requiredQuery(ctx, "run_id"))))));
    post(config, "runs/update", ctx -> {
      JsonNode b = body(ctx);
      RunStatus status = RunStatus.valueOf(required(b, "status"));
      long end = b.path("end_time").asLong(System.currentTimeMillis());
      reply(ctx, Map.of("run_info", Responses.runInfo(store.updateRun(runId(b), status, end))));
    });
    post(config, "runs/log-metric", ctx -> {
      JsonNode b = body(ctx);
      store.logBatch(runId(b), LogBatch.metrics(metric(b)));
      reply(ctx, Map.of());
    });
    post(config, "runs/log-parameter", ctx -> {
      JsonNode b = body(ctx);
      store.logBatch(runId(b), LogBatch.params(Map.of(required(b, "key"), required(b, "value"))));
      reply(ctx, Map.of());
    });
    post(config, "runs/set-tag", ctx -> {
      JsonNode b = body(ctx);
      store.logBatch(runId(b), LogBatch.tags(Map.of(required(b, "key"),
          b.path("value").asText(""))));
      reply(ctx, Map.of());
    });
    post(config, "runs/log-batch", this::logBatch);
    post(config, "runs/search", this::searchRuns);
    get(config, "metrics/get-history", ctx -> reply(ctx, Map.of("metrics",
        store.getMetricHistory(requiredQuery(ctx, "run_id"), requiredQuery(ctx, "metric_key"))
            .stream().map(Responses::metric).toList())));
  }

  private void logBatch(Context ctx) {
    JsonNode b = body(ctx);
    List<Metric> metrics = new ArrayList<>();
    b.path("metrics").forEach(m -> metrics.add(metric(m)));
    store.logBatch(runId(b), new LogBatch(metrics, Requests.tags(b.get("params")),
        Requests.tags(b.get("tags"))));
    reply(ctx, Map.of());
  }

  private void searchRuns(Context ctx) {
    JsonNode b = body(ctx);
    List<String> experiments = new ArrayList<>();
    b.path("experiment_ids").forEach(e -> experiments.add(e.asText()));
    List<String> order = new ArrayList<>();
    b.path("order_by").forEach(o -> order.add(o.asText()));
    SearchRequest request = new SearchRequest(b.path("filter").asText(""),
        b.path("max_results").asInt(1000), order, b.path("page_token").asText(null));
    var page = store.searchRuns(experiments, request);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("runs", page.items().stream().map(Responses::run).toList());
    page.next().ifPresent(t -> out.put("next_page_token", t));
    reply(ctx, out);
  }

  private static Metric metric(JsonNode m) {
    double value = Double.parseDouble(required(m, "value"));
    return new Metric(required(m, "key"), value, Long.parseLong(required(m, "timestamp")),
        m.path("step").asLong(0));
  }

  static void post(JavalinConfig config, String path, Handler handler) {
    config.routes.post(BASE + path, handler);
  }

  static void get(JavalinConfig config, String path, Handler handler) {
    config.routes.get(BASE + path, handler);
  }

  static void reply(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(Requests.JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the response as JSON", e);
    }
  }

  private static void error(Exception e, Context ctx) {
    String code = "INTERNAL_ERROR";
    String message = "Internal error: " + e.getMessage();
    if (e instanceof TrackingException t) {
      code = t.errorCode();
      message = t.describe();
    } else if (e instanceof IllegalArgumentException) {
      code = "INVALID_PARAMETER_VALUE";
      message = "Invalid value: " + e.getMessage();
    } else {
      LOG.error("Unexpected error serving {}", ctx.path(), e);
    }
    ctx.status(status(code)).contentType("application/json");
    try {
      ctx.result(Requests.JSON.writeValueAsString(Map.of("error_code", code, "message", message)));
    } catch (JsonProcessingException impossible) {
      ctx.result("{\"error_code\":\"INTERNAL_ERROR\"}");
    }
  }

  private static int status(String code) {
    return switch (code) {
      case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "RESOURCE_ALREADY_EXISTS" -> 400;
      case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "ENDPOINT_NOT_FOUND" -> 404;
      default -> 500;
    };
  }
}
