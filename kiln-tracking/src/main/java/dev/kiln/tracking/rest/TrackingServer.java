package dev.kiln.tracking.rest;

import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.internal.rest.ArtifactRoutes;
import dev.kiln.tracking.internal.rest.BearerAuth;
import dev.kiln.tracking.internal.rest.MlflowApi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

/** An HTTP server exposing a {@link TrackingStore} through MLflow's REST paths. */
public final class TrackingServer implements AutoCloseable {
  private final Javalin app;

  private TrackingServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts serving {@code store} under {@code /api/2.0/mlflow} and {@code artifacts} under
   * {@code /api/2.0/mlflow-artifacts} on all interfaces. With a token in {@code options}, every
   * {@code /api} request needs {@code Authorization: Bearer <token>} (else 401
   * {@code UNAUTHENTICATED}).
   *
   * @return the running server; close it to stop
   */
  public static TrackingServer start(TrackingStore store, ArtifactStore artifacts,
      ServerOptions options) {
    return new TrackingServer(Javalin.create(config -> {
      options.bearerToken().ifPresent(t -> config.routes.before("/api/*", new BearerAuth(t)));
      configure(config, store, artifacts);
    }).start(options.port()));
  }

  /**
   * Declares the same API on another Javalin app (the web UI serves it beside its pages):
   * {@code /api/2.0/mlflow/...}, {@code /api/2.0/mlflow-artifacts/...}, MLflow's error shape for
   * every failure, and 404 {@code ENDPOINT_NOT_FOUND} for other {@code /api} paths.
   * Authentication is left to the caller.
   */
  public static void configure(JavalinConfig config, TrackingStore store,
      ArtifactStore artifacts) {
    new MlflowApi(store, artifacts).configure(config);
    new ArtifactRoutes(artifacts).configure(config);
    MlflowApi.configureFallback(config);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Stops the server; the store stays open. */
  @Override
  public void close() {
    app.stop();
  }
}
