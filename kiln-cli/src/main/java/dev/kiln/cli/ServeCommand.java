package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.serving.BatchingConfig;
import dev.kiln.serving.HttpConfig;
import dev.kiln.serving.ModelServer;
import dev.kiln.serving.ModelSource;
import dev.kiln.serving.RegistrySource;
import dev.kiln.serving.ServerConfig;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.ui.ModelPages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln serve MODEL...}: the HTTP model server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve models over HTTP (native JSON, KServe V2, MLflow /invocations) with"
        + " micro-batching, hot reload from the registry, canary/shadow, Prometheus metrics and"
        + " a prediction log. Stops gracefully on Ctrl-C / SIGTERM.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", arity = "1..*", description = "Bundle folders or zips, or"
      + " registered models: NAME@alias, NAME:version or NAME (latest).")
  List<String> models;

  @Mixin ProjectOptions project;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface (default"
      + " 127.0.0.1: this machine only; 0.0.0.0 for every interface, as in a container).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default 8080; 0 picks"
      + " a free one).")
  int port;

  @Option(names = "--threads", defaultValue = "200", description = "Most worker threads, for"
      + " requests too large or slow for the network threads (one per core).")
  int threads;

  @Mixin ServeOptions options;

  private Project openedProject;
  private ProjectTracking tracking;

  @Override
  public Integer call() throws Exception {
    ServeSettings.apply(this, spec.commandLine().getParseResult());
    try {
      ModelServer server = ModelServer.create(this::configure);
      ServeSettings.announce(this, server, spec.commandLine().getOut());
      ServeSettings.awaitShutdown(server, spec.commandLine().getOut(), options.drainTimeout);
      return 0;
    } finally {
      if (tracking != null) {
        tracking.close();
      }
    }
  }

  private void configure(ServerConfig cfg) {
    ServeOptions o = options;
    String token = Secrets.fromEnv(o.tokenEnv);
    HttpConfig.Tls tls = o.tlsKeyStore == null ? null
        : new HttpConfig.Tls(o.tlsKeyStore, ServeSettings.tlsPassword(o.tlsPasswordEnv));
    cfg.http(http -> http.address(host, port).threads(threads).maxBodyBytes(o.maxBodyBytes)
        .token(token).tls(tls).drainTimeout(o.drainTimeout));
    cfg.models(m -> {
      m.maxRows(o.maxRows).reloadInterval(o.noReload ? Duration.ZERO : o.reloadInterval)
          .batching(o.noBatching ? BatchingConfig.disabled()
              : new BatchingConfig(true, o.batchMaxRows, o.batchMaxDelay, 10_000))
          .registry(this::registered);
      models.forEach(m::serve);
      o.canaries.forEach(canary -> ServeSettings.canary(canary, m));
      o.shadows.forEach(m::shadow);
    });
    MonitorReports reports = new MonitorReports(o.monitoringDir != null ? o.monitoringDir
        : project.layout().monitoringDir());
    cfg.kilnVersion(KilnVersion.number()).pages(new ModelPages()).driftSource(model ->
        reports.latest(model).map(MonitorReport::driftScores).orElse(Map.of()));
    if (!o.noLog) {
      cfg.predictionLog(o.logDir != null ? o.logDir : project.predictionLogDir(), o.logSample)
          .predictionLogFormat(o.logFormat);
    }
  }

  /** Resolves a registered model reference in the project's registry. */
  private ModelSource registered(String reference) {
    if (openedProject == null) {
      openedProject = project.openForModel(reference);
    }
    if (tracking == null) {
      tracking = ProjectTracking.open(openedProject);
    }
    tracking.registry().resolve(reference);
    return new RegistrySource(tracking.registry(), reference,
        openedProject.layout().servingCacheDir());
  }

  /** Returns the opened project (for its {@code kiln.yml}). */
  Project project() {
    if (openedProject == null) {
      openedProject = project.open();
    }
    return openedProject;
  }
}
