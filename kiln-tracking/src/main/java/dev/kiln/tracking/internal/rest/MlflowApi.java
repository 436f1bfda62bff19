package dev.kiln.tracking.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.TrackingStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MLflow's tracking and registry API ({@code /api/2.0/mlflow/...}): wiring and error shape. */
public final class MlflowApi {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowApi.class);
  private static final String BASE = "/api/2.0/mlflow/";

  private final TrackingStore store;
  private final ArtifactStore artifacts;

  /** Creates the API over a store and the artifact store holding run artifacts. */
  public MlflowApi(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.artifacts = artifacts;
  }

  /** Declares the routes and error handling on a Javalin config. */
  public void configure(JavalinConfig config) {
    new ExperimentRoutes(store).configure(config);
    new RunRoutes(store, artifacts).configure(config);
    new RegistryRoutes(store).configure(config);
    new VersionRoutes(store).configure(config);
    config.routes.exception(Exception.class, MlflowApi::error);
  }

  /**
   * Answers every other {@code /api} request with 404 {@code ENDPOINT_NOT_FOUND} in MLflow's
   * shape; declare it after all other routes, as the first matching route wins.
   */
  public static void configureFallback(JavalinConfig config) {
    Handler notFound = ctx -> {
      throw new TrackingException("ENDPOINT_NOT_FOUND", "No endpoint " + ctx.method().name()
          + " " + ctx.path() + ".", "See docs/tracking.md for the endpoints and their methods.",
          null);
    };
    for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
        HandlerType.PATCH, HandlerType.DELETE)) {
      config.routes.addHttpHandler(method, "/api/*", notFound);
    }
  }

  static void post(JavalinConfig config, String path, Handler handler) {
    config.routes.post(BASE + path, handler);
  }

  static void get(JavalinConfig config, String path, Handler handler) {
    config.routes.get(BASE + path, handler);
  }

  static void patch(JavalinConfig config, String path, Handler handler) {
    config.routes.patch(BASE + path, handler);
  }

  static void delete(JavalinConfig config, String path, Handler handler) {
    config.routes.delete(BASE + path, handler);
  }

  /** Reads the search fields every MLflow search takes. */
  static SearchRequest search(Fields f, int defaultMax, int max) {
    return new SearchRequest(f.optional("filter"), f.maxResults(defaultMax, max),
        f.list("order_by"), f.optional("page_token"));
  }

  /** Returns {@code {key: [items], next_page_token?}}. */
  static <T> Map<String, Object> page(String key, Page<T> page, Function<T, Object> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key, page.items().stream().map(item).toList());
    page.next().ifPresent(t -> out.put("next_page_token", t));
    return out;
  }

  static void reply(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(Requests.JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the response as JSON", e);
    }
  }

  /** Answers any failure in MLflow's shape; only unexpected ones are logged, never sent. */
  static void error(Exception e, Context ctx) {
    String code = "INTERNAL_ERROR";
    String message = "Internal error; see the tracking server log.";
    if (e instanceof TrackingException t) {
      code = t.errorCode();
      message = t.describe();
    } else if (e instanceof IllegalArgumentException) {
      code = "INVALID_PARAMETER_VALUE";
      message = "Invalid value: " + e.getMessage();
    }
    if (status(code) >= 500) {
      LOG.error("Unexpected error serving {}", ctx.path(), e);
    }
    ctx.status(status(code));
    reply(ctx, Map.of("error_code", code, "message", message));
  }

  private static int status(String code) {
    return switch (code) {
      case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "RESOURCE_ALREADY_EXISTS" -> 400;
      case "UNAUTHENTICATED" -> 401;
      case "PERMISSION_DENIED" -> 403;
      case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "ENDPOINT_NOT_FOUND" -> 404;
      default -> 500;
    };
  }
}
