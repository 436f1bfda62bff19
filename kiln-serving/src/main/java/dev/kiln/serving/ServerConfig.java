package dev.kiln.serving;

import dev.kiln.core.KilnException;
import dev.kiln.serving.monitor.DriftSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The configuration {@link ModelServer#create} takes, in groups: {@link #http} (address, limits,
 * token, TLS, draining), {@link #models} (what is served and how), and the server's companions
 * (metrics, prediction log, extra pages, drift gauges). The server validates it when it starts.
 */
public final class ServerConfig {
  /** Rows the log's queue holds before it drops (bounding the memory of a slow disk). */
  private static final int LOG_QUEUE_ROWS = 100_000;
  /** A log file is closed and a new one started past this size or age. */
  private static final long LOG_FILE_BYTES = 256L << 20;
  private static final long LOG_FILE_MILLIS = Duration.ofMinutes(5).toMillis();

  private final HttpConfig http = new HttpConfig();
  private final ModelsConfig models = new ModelsConfig();
  private ServingMetrics metrics;
  private Path logDir;
  private double logSample = 1;
  private LogFormat logFormat = LogFormat.BINARY;
  private String kilnVersion = "dev";
  private ServerPages pages;
  private DriftSource driftSource;

  ServerConfig() {}

  /** Configures how the server listens and protects itself. */
  public ServerConfig http(Consumer<HttpConfig> settings) {
    settings.accept(http);
    return this;
  }

  /** Configures what is served. */
  public ServerConfig models(Consumer<ModelsConfig> settings) {
    settings.accept(models);
    return this;
  }

  /** Records into these metrics (default: new ones). */
  public ServerConfig metrics(ServingMetrics registry) {
    this.metrics = registry;
    return this;
  }

  /**
   * Logs a share of the requests' inputs and outputs in this folder (read by
   * {@code kiln monitor}); none by default.
   *
   * @param sample the share of requests logged, {@code 0 < sample <= 1}
   */
  public ServerConfig predictionLog(Path dir, double sample) {
    this.logDir = dir;
    this.logSample = sample;
    return this;
  }

  /** Writes the prediction log in this format (default: {@link LogFormat#BINARY}). */
  public ServerConfig predictionLogFormat(LogFormat format) {
    this.logFormat = Objects.requireNonNull(format, "format");
    return this;
  }

  /** Sets the version {@code /v2} and {@code /version} report. */
  public ServerConfig kilnVersion(String version) {
    this.kilnVersion = version;
    return this;
  }

  /** Also answers GET requests under the pages' prefix, e.g. the web UI. */
  public ServerConfig pages(ServerPages extra) {
    this.pages = extra;
    return this;
  }

  /** Publishes these drift scores as gauges, read every reload interval. */
  public ServerConfig driftSource(DriftSource source) {
    this.driftSource = source;
    return this;
  }

  /** Returns the HTTP settings. */
  public HttpConfig http() {
    return http;
  }

  ModelsConfig models() {
    return models;
  }

  ServingMetrics metrics() {
    if (metrics == null) {
      metrics = new ServingMetrics();
    }
    return metrics;
  }

  /**
   * Opens the prediction log, or returns null when none is configured.
   *
   * @throws KilnException for a sample outside (0, 1] or a folder that cannot be created
   */
  PredictionLog openLog() {
    if (logDir == null) {
      return null;
    }
    if (!(logSample > 0 && logSample <= 1)) {
      throw new KilnException("The prediction log's sample must be within 0 (excluded) and 1,"
          + " got " + logSample + ".", "e.g. --log-sample 0.1 logs one request in ten");
    }
    try {
      return new PredictionLog(logDir, new PredictionLog.Options(LOG_QUEUE_ROWS, LOG_FILE_BYTES,
          LOG_FILE_MILLIS, logSample, logFormat), metrics());
    } catch (IOException e) {
      throw new KilnException("Cannot create the prediction log folder '" + logDir + "': "
          + e.getMessage(), "choose a writable folder with --log-dir");
    }
  }

  String kilnVersion() {
    return kilnVersion;
  }

  ServerPages pages() {
    return pages;
  }

  DriftSource driftSource() {
    return driftSource;
  }
}
