package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.rest.TrackingServer;
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
  @Spec CommandSpec spec;

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve /api/2.0/mlflow/... and /api/2.0/mlflow-artifacts/... until stopped;"
          + " point MLFLOW_TRACKING_URI at it.")
  void serve(@Mixin ProjectOptions options,
      @Option(names = "--port", defaultValue = "5000", description = "Port (default 5000).")
      int port) throws InterruptedException {
    Project project = options.open();
    CountDownLatch stopped = new CountDownLatch(1);
    try (TrackingStore store = Tracking.open(project);
        TrackingServer server = TrackingServer.start(store,
            ArtifactStores.local(project.stateDir().resolve("artifacts")), port)) {
      spec.commandLine().getOut().printf("Tracking server for %s on http://localhost:%d"
          + " (MLFLOW_TRACKING_URI); Ctrl-C stops it%n", project.name(), server.port());
      spec.commandLine().getOut().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
  }
}
