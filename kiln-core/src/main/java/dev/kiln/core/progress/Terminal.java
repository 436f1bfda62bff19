package dev.kiln.core.progress;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process talks to a person at a terminal, which decides how progress is shown: a
 * redrawn bar there, plain periodic lines in logs, pipes and CI. A terminal whose {@code TERM} is
 * {@code dumb} never counts.
 */
public final class Terminal {
  private Terminal() {}

  /**
   * Returns whether standard input and output are an interactive terminal. On Java 22+ a console
   * exists even when output is redirected, so its {@code isTerminal()} is asked when present.
   */
  public static boolean interactive() {
    Console console = System.console();
    if (console == null || dumb()) {
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

  /**
   * Returns whether standard error is a terminal: on Linux from what file descriptor 2 points at,
   * else from whether the JVM has a console.
   */
  public static boolean stderr() {
    if (dumb()) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (!Files.isSymbolicLink(fd)) {
      return System.console() != null;
    }
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean dumb() {
    return "dumb".equals(System.getenv("TERM"));
  }
}
