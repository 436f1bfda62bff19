package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.rest.ServerOptions;
import dev.kiln.tracking.rest.TrackingServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln tracking serve}: the MLflow-compatible REST API over the project's store. */
@Command(name = "tracking", mixinStandardHelpOptions = true,
    description = "Serve the project's runs and registry over MLflow's REST API.")
final class TrackingCommand {
  static final String DEFAULT_TOKEN_ENV = "KILN_TRACKING_TOKEN";

  @Spec CommandSpec spec;

  /** Where and how {@code serve} listens. */
  static final class Listen {
    @Option(names = "--host", defaultValue = ServerOptions.LOOPBACK, description = "Interface to"
        + " bind (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port (default 5000).")
    int port;

    @Option(names = "--allowed-hosts", split = ",", paramLabel = "NAME", description = "Host"
        + " names clients may use besides loopback names, IP addresses and --host (DNS"
        + " rebinding guard), e.g. mlflow.example.com or *.example.com.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--token-env", paramLabel = "VAR", description = "Require "
        + "'Authorization: Bearer <token>' with the token held in environment variable VAR"
        + " (default: " + DEFAULT_TOKEN_ENV + " when it is set).")
    String tokenEnv;
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve /api/2.0/mlflow/... and /api/2.0/mlflow-artifacts/... until stopped;"
          + " point MLFLOW_TRACKING_URI at it.")
  void serve(@Mixin ProjectOptions options, @Mixin Listen listen) throws InterruptedException {
    String token = listen.tokenEnv != null ? Secrets.fromEnv(listen.tokenEnv)
        : Secrets.fromDefaultEnv(DEFAULT_TOKEN_ENV);
    Project project = options.open();
    ServerOptions serverOptions = new ServerOptions(listen.host, listen.port, token,
        listen.allowedHosts);
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (ProjectTracking tracking = ProjectTracking.open(project);
        TrackingServer server = TrackingServer.start(tracking.store(), tracking.artifacts(),
            serverOptions)) {
      out.printf("Tracking server for %s on http://%s:%d (MLFLOW_TRACKING_URI), %s; Ctrl-C stops"
          + " it%n", project.name(), listen.host, server.port(), token == null
          ? "no authentication" : "bearer token required (MLFLOW_TRACKING_TOKEN)");
      if (token == null && !serverOptions.loopbackOnly()) {
        out.printf("Warning: anyone who can reach %s:%d can read and change every run and model."
            + " Set %s (or --token-env), or serve behind an authenticating proxy.%n",
            listen.host, server.port(), DEFAULT_TOKEN_ENV);
      }
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
  }
}
