package dev.kiln.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --progress} option of commands that run long work. */
final class ProgressOptions {
  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "${env:KILN_PROGRESS:-auto}",
      description = "auto (a bar on a terminal, a plain line every 10 s otherwise: no cursor"
          + " codes in logs), bar, plain or none. Default: KILN_PROGRESS, else auto.")
  String mode;

  /** Opens a display on the writer in the chosen mode; close it when the work ends. */
  ProgressDisplay open(PrintWriter out) {
    return ProgressDisplay.open(out, ProgressMode.of(mode));
  }
}
