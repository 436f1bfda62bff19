package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.progress.Terminal;
import java.util.Locale;

/**
 * How progress is shown: {@link #BAR} redraws one status line on an interactive terminal (cursor
 * codes), {@link #PLAIN} prints a line per running task every few seconds and never writes cursor
 * codes (logs, CI, pipes), {@link #NONE} prints no progress at all.
 */
enum ProgressMode {
  /** A redrawn status line with a bar. */
  BAR,
  /** Periodic plain lines. */
  PLAIN,
  /** No progress output. */
  NONE;

  /**
   * Resolves an option value: {@code auto} (bar when standard input and output are a terminal
   * whose {@code TERM} is not {@code dumb}, plain otherwise), {@code bar}, {@code plain} or
   * {@code none}.
   *
   * @throws KilnException for another value
   */
  static ProgressMode of(String option) {
    String value = option == null ? "auto" : option.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "auto" -> Terminal.interactive() ? BAR : PLAIN;
      case "bar" -> BAR;
      case "plain" -> PLAIN;
      case "none" -> NONE;
      default -> throw new KilnException("--progress must be auto, bar, plain or none, got '"
          + option + "'.", "auto draws a bar on a terminal and prints plain lines otherwise");
    };
  }
}
