package dev.kiln.ui;

import dev.kiln.tracking.rest.HostCheck;
import dev.kiln.tracking.rest.TrackingServer;
import dev.kiln.ui.internal.ProjectApi;
import dev.kiln.ui.internal.Routes;
import io.javalin.Javalin;
import org.eclipse.jetty.server.NetworkConnector;

/**
 * The web UI of a project ({@code kiln ui}): the pages under {@code /ui/}, the UI's JSON
 * endpoints under {@code /ui/api/}, and the MLflow-compatible tracking and registry API under
 * {@code /api/2.0/mlflow/} which the runs and models pages use. With a token, every request but
 * the static page shell and assets needs {@code Authorization: Bearer <token>}. Requests whose
 * {@code Host} header names a domain the options do not allow are refused with 403
 * {@code PERMISSION_DENIED} before anything else (the DNS-rebinding guard of the tracking server).
 */
public final class UiServer implements AutoCloseable {
  private final Javalin app;

  private UiServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts serving a workspace.
   *
   * @return the running server; close it to stop (the workspace's store stays open)
   */
  public static UiServer start(Workspace workspace, UiOptions options) {
    Routes routes = new Routes(options.token());
    ProjectApi api = new ProjectApi(workspace);
    return new UiServer(Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.routes.before(new HostCheck(options.host(), options.allowedHosts()));
      routes.configure(config);
      api.configure(config);
      TrackingServer.configure(config, workspace.store(), workspace.artifacts());
      routes.configureErrors(config);
    }).start());
  }

  /** Returns the port the server listens on. */
  public int port() {
    return ((NetworkConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
  }

  /** Stops the server. */
  @Override
  public void close() {
    app.stop();
  }
}
