package dev.kiln.tracking.rest;

import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.internal.rest.ArtifactRoutes;
import dev.kiln.tracking.internal.rest.BearerAuth;
import dev.kiln.tracking.internal.rest.MlflowApi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinBindException;

/** An HTTP server exposing a {@link TrackingStore} through MLflow's REST paths. */
public final class TrackingServer implements AutoCloseable {
  private final Javalin app;

  private TrackingServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts serving {@code store} under {@code /api/2.0/mlflow} and {@code artifacts} under
   * {@code /api/2.0/mlflow-artifacts} on the interface of {@code options} (loopback unless told
   * otherwise). Requests whose {@code Host} is not allowed get 403 {@code PERMISSION_DENIED}. With
   * a token in {@code options}, every {@code /api} request needs {@code Authorization: Bearer
   * <token>} (else 401 {@code UNAUTHENTICATED}). Responses carry {@code X-Content-Type-Options:
   * nosniff} and {@code X-Frame-Options: DENY}.
   *
   * @return the running server; close it to stop
   * @throws TrackingException if the address cannot be bound, e.g. the port is in use
   */
  public static TrackingServer start(TrackingStore store, ArtifactStore artifacts,
      ServerOptions options) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.before("/*", new HostCheck(options.host(), options.allowedHosts()));
      config.routes.before("/*", ctx -> ctx.header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY"));
      options.bearerToken().ifPresent(t -> config.routes.before("/api/*", new BearerAuth(t)));
      configure(config, store, artifacts);
    });
    try {
      return new TrackingServer(app.start(options.host(), options.port()));
    } catch (JavalinBindException e) {
      throw new TrackingException("INTERNAL_ERROR", "Cannot listen on " + options.host() + ":"
          + options.port() + ": " + e.getMessage(), "pick another --port (or stop the process"
          + " using it) and check --host names an interface of this machine", e);
    }
  }

  /** Returns the interface the server is bound to, as configured (e.g. {@code 127.0.0.1}). */
  public String host() {
    return ((org.eclipse.jetty.server.ServerConnector) app.jettyServer().server()
        .getConnectors()[0]).getHost();
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
