package dev.kiln.tracking.rest;

import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.internal.rest.ArtifactRoutes;
import dev.kiln.tracking.internal.rest.MlflowApi;
import io.javalin.Javalin;

/** An HTTP server exposing a {@link TrackingStore} through MLflow's REST paths. */
public final class TrackingServer implements AutoCloseable {
  private final Javalin app;

  private TrackingServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts serving {@code store} and, under {@code /api/2.0/mlflow-artifacts}, {@code artifacts}
   * on {@code port} (0 picks a free port) on all interfaces.
   *
   * @return the running server; close it to stop
   */
  public static TrackingServer start(TrackingStore store, ArtifactStore artifacts, int port) {
    MlflowApi api = new MlflowApi(store);
    ArtifactRoutes artifactRoutes = new ArtifactRoutes(artifacts);
    return new TrackingServer(Javalin.create(config -> {
      api.configure(config);
      artifactRoutes.configure(config);
    }).start(port));
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
