package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.rest.ServerOptions;
import dev.kiln.tracking.rest.TrackingServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln tracking serve}: the MLflow-compatible REST API over the project's store. */
@Command(name = "tracking", mixinStandardHelpOptions = true,
    description = "Serve the project's runs and registry over MLflow's REST API.")
final class TrackingCommand {
  static final String DEFAULT_TOKEN_ENV = "KILN_TRACKING_TOKEN";

  @Spec CommandSpec spec;

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve /api/2.0/mlflow/... and /api/2.0/mlflow-artifacts/... until stopped;"
          + " point MLFLOW_TRACKING_URI at it.")
  void serve(@Mixin ProjectOptions options,
      @Option(names = "--port", defaultValue = "5000", description = "Port (default 5000).")
      int port,
      @Option(names = "--token-env", paramLabel = "VAR", description = "Require "
          + "'Authorization: Bearer <token>' with the token held in environment variable VAR"
          + " (default: " + DEFAULT_TOKEN_ENV + " when it is set).")
      String tokenEnv) throws InterruptedException {
    String token = token(tokenEnv);
    Project project = options.open();
    ServerOptions serverOptions = ServerOptions.port(port);
    if (token != null) {
      serverOptions = serverOptions.withToken(token);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (TrackingStore store = Tracking.open(project);
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(project.stateDir().resolve("artifacts")), serverOptions)) {
      spec.commandLine().getOut().printf("Tracking server for %s on http://localhost:%d"
          + " (MLFLOW_TRACKING_URI), %s; Ctrl-C stops it%n", project.name(), server.port(),
          token == null ? "no authentication" : "bearer token required (MLFLOW_TRACKING_TOKEN)");
      spec.commandLine().getOut().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
  }

  /**
   * Returns the token in {@code tokenEnv}, or in {@value #DEFAULT_TOKEN_ENV} when no variable is
   * named; null when authentication is off.
   *
   * @throws ParameterException if the named variable is unset or empty
   */
  private String token(String tokenEnv) {
    String value = System.getenv(tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv);
    if (value != null && !value.isEmpty()) {
      return value;
    }
    if (tokenEnv != null) {
      throw new ParameterException(spec.commandLine(), "Environment variable '" + tokenEnv
          + "' named by --token-env is not set or empty. Hint: export it with the token, or"
          + " leave out --token-env to serve without authentication.");
    }
    return null;
  }
}
