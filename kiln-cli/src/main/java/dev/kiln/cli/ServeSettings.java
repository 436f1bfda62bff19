package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.Names;
import dev.kiln.core.project.Project;
import dev.kiln.serving.ModelServer;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.ModelsConfig;
import dev.kiln.serving.Traffic;
import dev.kiln.tracking.rest.HostCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ParseResult;

/**
 * What {@code kiln serve} does around the server: settings from the project's {@code kiln.yml},
 * option values that need parsing, the start-up lines, and the wait for Ctrl-C / SIGTERM.
 */
final class ServeSettings {
  private ServeSettings() {}

  /** The keys of {@code kiln.yml}'s {@code serve} section. */
  static final List<String> KEYS = List.of("host", "port", "threads", "log_format");

  /**
   * Takes {@code host}, {@code port}, {@code threads} and {@code log_format} from the project's
   * {@code kiln.yml} section {@code serve} when the command line does not give them.
   *
   * @throws ConfigException naming the key of an unknown setting or a bad value
   */
  static void apply(ServeCommand serve, ParseResult parsed) {
    if (!Project.isProject(serve.project.project)) {
      return;
    }
    Map<String, String> settings = serve.project().config().section("serve");
    for (String key : settings.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException("kiln.yml: 'serve." + key + "' is not a serve setting.",
            Names.closest(key, KEYS).map(c -> "did you mean '" + c + "'? ").orElse("")
                + "the settings are " + String.join(", ", KEYS));
      }
    }
    if (settings.containsKey("log_format") && !parsed.hasMatchedOption("--log-format")) {
      serve.options.logFormat = ServeOptions.logFormat(settings.get("log_format"));
      if (serve.options.logFormat == null) {
        throw new ConfigException("kiln.yml: serve.log_format is '" + settings.get("log_format")
            + "', not a prediction log format: use binary or json.",
            "e.g. 'serve: {log_format: json}' (binary, the default, is compact; json is one"
                + " object per row, for jq)");
      }
    }
    if (settings.containsKey("host") && !parsed.hasMatchedOption("--host")) {
      serve.host = settings.get("host");
    }
    if (settings.containsKey("port") && !parsed.hasMatchedOption("--port")) {
      serve.port = number(settings, "port");
    }
    if (settings.containsKey("threads") && !parsed.hasMatchedOption("--threads")) {
      serve.threads = number(settings, "threads");
    }
  }

  private static int number(Map<String, String> settings, String key) {
    try {
      return Integer.parseInt(settings.get(key));
    } catch (NumberFormatException e) {
      throw new ConfigException("kiln.yml: serve." + key + " is '" + settings.get(key) + "', not"
          + " a whole number.", "e.g. 'serve: {" + key + ": 8080}'");
    }
  }

  /** Adds a {@code --canary MODEL=PERCENT}. */
  static void canary(String option, ModelsConfig models) {
    int eq = option.lastIndexOf('=');
    if (eq < 1) {
      throw new KilnException("--canary needs MODEL=PERCENT, got '" + option + "'.",
          "e.g. --canary fraud-detection@challenger=10");
    }
    String text = option.substring(eq + 1);
    double percent;
    try {
      percent = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new KilnException("Canary percent '" + text + "' is not a number within 0..100.",
          "e.g. --canary fraud-detection@challenger=10");
    }
    models.canary(option.substring(0, eq), percent);
  }

  /** Returns the key store password from its environment variable. */
  static String tlsPassword(String variable) {
    String password = System.getenv(variable);
    if (password == null) {
      throw new KilnException("Environment variable " + variable + " with the key store"
          + " password is not set.", "export " + variable + "=...");
    }
    return password;
  }

  /** Prints what is served, where, and a warning when anyone may call it. */
  static void announce(ServeCommand serve, ModelServer server, PrintWriter out) {
    // The process's start from /proc, not the JVM's management beans (loading those cost
    // tens of milliseconds while the first requests were already being answered).
    long readyMs = ProcessHandle.current().info().startInstant()
        .map(start -> System.currentTimeMillis() - start.toEpochMilli()).orElse(-1L);
    for (ModelSlot slot : server.models().slots()) {
      ModelSlot.Deployment d = slot.deployment();
      out.printf("Serving %s version %s (micro-batching %s)%s%n", slot.name(),
          d.primary().version(), d.primary().batchingDescription(),
          d.challenger() == null ? "" : " with " + slot.traffic().mode().name()
              .toLowerCase(Locale.ROOT) + " version " + d.challenger().version()
              + (slot.traffic().mode() == Traffic.Mode.CANARY
                  ? " (" + slot.traffic().percent() + "%)" : ""));
    }
    out.printf("Listening on %s://%s:%d (ready %d ms after the process started); POST"
        + " /v1/models/{name}:predict, /v2/models/{name}/infer, /invocations; GET /metrics,"
        + " /openapi.json, /ui/ (status and prediction form)%n",
        serve.options.tlsKeyStore == null ? "http" : "https", serve.host, server.port(), readyMs);
    if (server.predictionLog() != null) {
      out.printf("Prediction log: %s%n", server.predictionLog().dir());
    }
    if (serve.options.tokenEnv == null && !HostCheck.isLoopback(serve.host)) {
      out.printf("Warning: anyone who can reach %s:%d can call the model and read its schemas"
          + " and metrics. Require a token with --token-env VAR, or serve behind an"
          + " authenticating proxy.%n", serve.host, server.port());
    }
    out.flush();
  }

  /** Waits for Ctrl-C / SIGTERM, then stops the server gracefully. */
  static void awaitShutdown(ModelServer server, PrintWriter out, Duration drain)
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
