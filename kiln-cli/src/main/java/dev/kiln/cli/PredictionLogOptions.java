package dev.kiln.cli;

import dev.kiln.data.Frame;
import dev.kiln.lifecycle.monitor.PredictionLogReader;
import dev.kiln.ml.bundle.BundleManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of {@code kiln monitor} that read the current data from the prediction log, and the
 * read itself.
 */
final class PredictionLogOptions {
  @Option(names = "--from-logs", description = "Take the current data from the prediction log.")
  boolean fromLogs;

  @Option(names = "--log-dir", description = "Prediction log folder (default: as kiln serve,"
      + " .kiln/predictions in the project).")
  Path logDir;

  @Option(names = "--since", converter = DurationConverter.class, description = "Only log"
      + " entries of this last period, e.g. 1d or 6h (default: all).")
  Duration since;

  @Option(names = "--roles", split = ",", defaultValue = "primary,canary", description =
      "Log roles to read (default primary,canary; add shadow for a shadow challenger).")
  List<String> roles = new ArrayList<>();

  /** Returns the log folder: {@code --log-dir}, else the project's (as kiln serve writes it). */
  Path dir(ProjectOptions project) {
    return logDir != null ? logDir : project.predictionLogDir();
  }

  /**
   * Reads the log's rows since {@code start} (null: all) for the model, warning on {@code err} of
   * tails skipped because a server was cut short.
   */
  Frame read(ProjectOptions project, BundleManifest manifest, Instant start, PrintWriter err) {
    PredictionLogReader.Result logged = new PredictionLogReader(dir(project), Set.copyOf(roles))
        .readAll(manifest, start);
    logged.skipped().forEach(tail -> err.println("Warning: " + tail.describe() + "."));
    return logged.rows();
  }

  /** Returns the oldest time to read, or null for the whole log. */
  Instant start(Instant now) {
    return since == null ? null : now.minus(since);
  }
}
