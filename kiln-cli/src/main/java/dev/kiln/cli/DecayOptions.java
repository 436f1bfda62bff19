package dev.kiln.cli;

import dev.kiln.lifecycle.monitor.DecayCheck;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code kiln monitor} that measure decay against ground-truth labels. */
final class DecayOptions {
  @Option(names = "--labels", paramLabel = "FILE", description = "Ground truth (CSV or Parquet:"
      + " request_id, label, optional row) joined with the prediction log for decay.")
  Path labels;

  @Option(names = "--window", defaultValue = "1h", converter = DurationConverter.class,
      description = "Time window of the decay metrics (default 1h).")
  Duration window;

  @Option(names = "--max-decay", defaultValue = "0.1", description = "Relative worsening of a"
      + " metric against the bundle's evaluation that counts as decay (default 0.1 = 10%%).")
  double maxDecay;

  /** Returns the decay check, or null without {@code --labels}. */
  DecayCheck check() {
    return labels == null ? null : new DecayCheck(window, maxDecay);
  }
}
