package dev.kiln.cli;

import dev.kiln.serving.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code kiln serve} beyond its address (see {@link ServeCommand}). */
final class ServeOptions {
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

  @Option(names = "--log-format", defaultValue = "binary", converter = LogFormats.class,
      description = "Prediction log format: binary (default; compact, read by kiln monitor) or"
          + " json (one JSON object per row, for jq; also read by kiln monitor).")
  LogFormat logFormat;

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

  /** Returns the prediction log format of that name, in any case, or null for another name. */
  static LogFormat logFormat(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "binary" -> LogFormat.BINARY;
      case "json" -> LogFormat.JSON;
      default -> null;
    };
  }

  /** Reads {@code --log-format}, in any case. */
  static final class LogFormats implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      LogFormat format = logFormat(value);
      if (format == null) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a prediction log format: use binary or json");
      }
      return format;
    }
  }
}
