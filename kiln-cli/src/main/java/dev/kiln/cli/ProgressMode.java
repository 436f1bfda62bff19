package dev.kiln.cli;

import dev.kiln.core.KilnException;
import java.io.Console;
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
      case "auto" -> interactiveTerminal() ? BAR : PLAIN;
      case "bar" -> BAR;
      case "plain" -> PLAIN;
      case "none" -> NONE;
      default -> throw new KilnException("--progress must be auto, bar, plain or none, got '"
          + option + "'.", "auto draws a bar on a terminal and prints plain lines otherwise");
    };
  }

  /**
   * Returns whether output goes to an interactive terminal. On Java 22+ a console exists even
   * when output is redirected, so its {@code isTerminal()} is asked when present.
   */
  static boolean interactiveTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
