package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.serving.BatchingConfig;
import dev.kiln.serving.BundleSource;
import dev.kiln.serving.ModelRepository;
import dev.kiln.serving.ModelServer;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.ModelSource;
import dev.kiln.serving.PredictionLog;
import dev.kiln.serving.RegistrySource;
import dev.kiln.serving.ServerConfig;
import dev.kiln.serving.ServingMetrics;
import dev.kiln.serving.Traffic;
import dev.kiln.serving.monitor.DriftSource;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.rest.HostCheck;
import dev.kiln.ui.ModelPages;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  @Option(names = "--canary", paramLabel = "MODEL=PERCENT", description = "Send PERCENT of the"
      + " requests for the model of the same name to MODEL, e.g. fraud@challenger=10.")
  List<String> canaries = new ArrayList<>();

  @Option(names = "--shadow", paramLabel = "MODEL", description = "Mirror every request for the"
      + " model of the same name to MODEL; its answers are logged, not returned.")
  List<String> shadows = new ArrayList<>();

  @Option(names = "--no-batching", description = "Predict each request on its own thread.")
  boolean noBatching;

  @Option(names = "--batch-max-rows", defaultValue = "256", description = "Most rows per"
      + " model call.")
  int batchMaxRows;

  @Option(names = "--batch-max-delay", defaultValue = "2ms", converter = DurationConverter.class,
      description = "Longest wait for a batch to fill, under load only (default 2ms).")
  Duration batchMaxDelay;

  @Option(names = "--reload-interval", defaultValue = "5s", converter = DurationConverter.class,
      description = "How often registry aliases and bundle files are checked (default 5s).")
  Duration reloadInterval;

  @Option(names = "--no-reload", description = "Never reload.")
  boolean noReload;

  @Option(names = "--log-dir", description = "Prediction log folder (default:"
      + " .kiln/predictions in the project).")
  Path logDir;

  @Option(names = "--no-log", description = "Keep no prediction log.")
  boolean noLog;

  @Option(names = "--log-sample", defaultValue = "1", description = "Share of requests logged,"
      + " 0 < share <= 1 (default 1: all).")
  double logSample;

  @Option(names = "--monitoring-dir", description = "Publish kiln_drift_score from the latest"
      + " kiln monitor report of each model in this folder (default: .kiln/monitoring in the"
      + " project).")
  Path monitoringDir;

  @Option(names = "--max-body-bytes", defaultValue = "10485760", description = "Largest"
      + " request body (default 10 MiB).")
  long maxBodyBytes;

  @Option(names = "--max-rows", defaultValue = "10000", description = "Most rows per request.")
  int maxRows;

  @Option(names = "--token-env", paramLabel = "VAR", description = "Require 'Authorization:"
      + " Bearer <token>' with the token read from this environment variable.")
  String tokenEnv;

  @Option(names = "--tls-keystore", description = "Serve HTTPS with this PKCS#12/JKS key store.")
  Path tlsKeyStore;

  @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "KILN_TLS_PASSWORD",
      description = "Environment variable holding the key store password"
          + " (default KILN_TLS_PASSWORD).")
  String tlsPasswordEnv;

  @Option(names = "--drain-timeout", defaultValue = "30s", converter = DurationConverter.class,
      description = "How long shutdown waits for requests in flight (default 30s).")
  Duration drainTimeout;

  private Project openedProject;
  private ProjectTracking tracking;

  @Override
  public Integer call() throws Exception {
    applyProjectSettings();
    ServerConfig config = config();
    ServingMetrics metrics = new ServingMetrics();
    ModelRepository repository = new ModelRepository(maxRows);
    try {
      Map<String, ModelSource> challengers = new LinkedHashMap<>();
      Map<String, Traffic> traffic = new LinkedHashMap<>();
      for (String canary : canaries) {
        int eq = canary.lastIndexOf('=');
        if (eq < 1) {
          throw new KilnException("--canary needs MODEL=PERCENT, got '" + canary + "'.",
              "e.g. --canary fraud-detection@challenger=10");
        }
        addChallenger(challengers, traffic, canary.substring(0, eq),
            new Traffic(Traffic.Mode.CANARY, percent(canary.substring(eq + 1))));
      }
      for (String shadow : shadows) {
        addChallenger(challengers, traffic, shadow, new Traffic(Traffic.Mode.SHADOW, 0));
      }
      for (String model : models) {
        ModelSource primary = source(model);
        String name = primary.modelName();
        repository.add(new ModelSlot(primary, challengers.remove(name),
            traffic.getOrDefault(name, Traffic.none()), batching(), metrics));
      }
      if (!challengers.isEmpty()) {
        throw new KilnException("--canary/--shadow name models that are not served: "
            + challengers.keySet() + ".", "serve the primary version of that model too");
      }
      PredictionLog log = noLog ? null : new PredictionLog(logDir(), 100_000, 256L << 20,
          Duration.ofMinutes(5).toMillis(), logSample, metrics);
      ModelServer server = ModelServer.start(config, repository, metrics, log,
          KilnVersion.number(), new ModelPages());
      announce(server, log);
      awaitShutdown(server, spec.commandLine().getOut(), drainTimeout);
      return 0;
    } finally {
      if (tracking != null) {
        tracking.close();
      }
    }
  }

  /**
   * Takes {@code host}, {@code port} and {@code threads} from the project's {@code kiln.yml}
   * section {@code serve} when the command line does not give them.
   */
  private void applyProjectSettings() {
    if (!Files.isDirectory(project.project.resolve("conf"))) {
      return;
    }
    Map<String, String> serve = project().config().section("serve");
    var parsed = spec.commandLine().getParseResult();
    if (serve.containsKey("host") && !parsed.hasMatchedOption("--host")) {
      host = serve.get("host");
    }
    if (serve.containsKey("port") && !parsed.hasMatchedOption("--port")) {
      port = settingNumber(serve, "port");
    }
    if (serve.containsKey("threads") && !parsed.hasMatchedOption("--threads")) {
      threads = settingNumber(serve, "threads");
    }
  }

  private static int settingNumber(Map<String, String> serve, String key) {
    try {
      return Integer.parseInt(serve.get(key));
    } catch (NumberFormatException e) {
      throw new KilnException("kiln.yml: serve." + key + " is '" + serve.get(key) + "', not a"
          + " whole number.", "e.g. 'serve: {" + key + ": 8080}'");
    }
  }

  private ServerConfig config() {
    String token = Secrets.fromEnv(tokenEnv);
    ServerConfig.Tls tls = null;
    if (tlsKeyStore != null) {
      if (!Files.isRegularFile(tlsKeyStore)) {
        throw new KilnException("Key store '" + tlsKeyStore + "' does not exist.",
            "create one with keytool -genkeypair -storetype PKCS12 ...");
      }
      String password = System.getenv(tlsPasswordEnv);
      if (password == null) {
        throw new KilnException("Environment variable " + tlsPasswordEnv + " with the key store"
            + " password is not set.", "export " + tlsPasswordEnv + "=...");
      }
      tls = new ServerConfig.Tls(tlsKeyStore, password);
    }
    if (!(logSample > 0 && logSample <= 1)) {
      throw new KilnException("--log-sample must be within 0 (excluded) and 1, got " + logSample
          + ".", "e.g. --log-sample 0.1 logs one request in ten");
    }
    if (threads < 2 || maxRows < 1 || maxBodyBytes < 1 || batchMaxRows < 1) {
      throw new KilnException("--threads must be at least 2; --max-rows, --max-body-bytes and"
          + " --batch-max-rows at least 1.", null);
    }
    return new ServerConfig(host, port, threads, maxBodyBytes, maxRows, batching(),
        noReload ? Duration.ZERO : reloadInterval, token, tls, drainTimeout,
        driftSource(new MonitorReports(monitoringDir != null ? monitoringDir
            : project.layout().monitoringDir())));
  }

  /** The drift scores of each model's latest {@code kiln monitor} report, for the gauges. */
  private static DriftSource driftSource(MonitorReports reports) {
    return model -> reports.latest(model).map(MonitorReport::driftScores).orElse(Map.of());
  }

  private BatchingConfig batching() {
    return noBatching ? BatchingConfig.disabled()
        : new BatchingConfig(true, batchMaxRows, batchMaxDelay, 10_000);
  }

  private static double percent(String text) {
    try {
      double p = Double.parseDouble(text);
      if (p >= 0 && p <= 100) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new KilnException("Canary percent '" + text + "' is not a number within 0..100.",
        "e.g. --canary fraud-detection@challenger=10");
  }

  private void addChallenger(Map<String, ModelSource> challengers, Map<String, Traffic> traffic,
      String reference, Traffic mode) throws IOException {
    ModelSource source = source(reference);
    if (challengers.put(source.modelName(), source) != null) {
      throw new KilnException("Model '" + source.modelName() + "' has more than one canary or"
          + " shadow.", "give one --canary or --shadow per model");
    }
    traffic.put(source.modelName(), mode);
  }

  private ModelSource source(String reference) throws IOException {
    Path path = Path.of(reference);
    if (Files.exists(path)) {
      return new BundleSource(path);
    }
    if (openedProject == null) {
      openedProject = project.openForModel(reference);
    }
    Project p = openedProject;
    if (tracking == null) {
      tracking = ProjectTracking.open(p);
    }
    ModelVersions versions = tracking.registry();
    versions.resolve(reference);
    return new RegistrySource(versions, reference, p.layout().servingCacheDir());
  }

  private Project project() {
    if (openedProject == null) {
      openedProject = project.open();
    }
    return openedProject;
  }

  private Path logDir() {
    return logDir != null ? logDir : project.predictionLogDir();
  }

  private void announce(ModelServer server, PredictionLog log) {
    long readyMs = System.currentTimeMillis()
        - ManagementFactory.getRuntimeMXBean().getStartTime();
    PrintWriter out = spec.commandLine().getOut();
    String scheme = tlsKeyStore == null ? "http" : "https";
    for (ModelSlot slot : server.models().slots()) {
      ModelSlot.Deployment d = slot.deployment();
      out.printf("Serving %s version %s (micro-batching %s)%s%n", slot.name(),
          d.primary().version(), d.primary().batchingDescription(),
          d.challenger() == null ? "" : " with " + slot.traffic().mode().name()
              .toLowerCase(java.util.Locale.ROOT) + " version " + d.challenger().version()
              + (slot.traffic().mode() == Traffic.Mode.CANARY
                  ? " (" + slot.traffic().percent() + "%)" : ""));
    }
    out.printf("Listening on %s://%s:%d (ready %d ms after JVM start); POST"
        + " /v1/models/{name}:predict, /v2/models/{name}/infer, /invocations; GET /metrics,"
        + " /openapi.json, /ui/ (status and prediction form)%n", scheme, host, server.port(), readyMs);
    if (log != null) {
      out.printf("Prediction log: %s%n", log.dir());
    }
    if (tokenEnv == null && !HostCheck.isLoopback(host)) {
      out.printf("Warning: anyone who can reach %s:%d can call the model and read its schemas"
          + " and metrics. Require a token with --token-env VAR, or serve behind an"
          + " authenticating proxy.%n", host, server.port());
    }
    out.flush();
  }

  private static void awaitShutdown(ModelServer server, PrintWriter out, Duration drain)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.printf("Stopping: no new requests; draining those in flight (up to %d s)%n",
          drain.toSeconds());
      out.flush();
      long start = System.nanoTime();
      server.close();
      out.printf("Stopped gracefully in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      out.flush();
      stopped.countDown();
    }, "kiln-shutdown"));
    stopped.await();
  }
}
