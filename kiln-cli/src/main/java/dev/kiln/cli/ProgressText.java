package dev.kiln.cli;

import dev.kiln.core.progress.Progress;
import java.util.Locale;

/** Formats a progress task as text: counts, a bar, elapsed time and the time left. */
final class ProgressText {
  private static final int BAR_WIDTH = 24;

  private ProgressText() {}

  /**
   * Returns one line about a task, e.g. {@code boost 120/500 rounds (24%) 31.0s, ~1m38s left,
   * validation aucpr 0.83}; with a bar when {@code bar} is set and the total is known.
   */
  static String describe(Progress task, long elapsed, boolean bar) {
    long done = task.done();
    long total = task.total();
    StringBuilder out = new StringBuilder(task.label()).append(' ');
    if (total > 0) {
      if (bar) {
        out.append(bar(done, total)).append(' ');
      }
      out.append(count(done)).append('/').append(count(total)).append(' ').append(task.unit())
          .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
    } else {
      out.append(count(done)).append(' ').append(task.unit());
    }
    out.append(' ').append(duration(elapsed));
    if (total > 0 && done > 0 && done < total) {
      out.append(", ~").append(duration((long) (elapsed * ((double) (total - done) / done))))
          .append(" left");
    }
    if (!task.detail().isEmpty()) {
      out.append(", ").append(task.detail());
    }
    return out.toString();
  }

  /** Returns a line about a task that ended, e.g. {@code boost 500 rounds in 1m40s}. */
  static String ended(Progress task, long elapsed) {
    return task.label() + " " + count(task.done()) + " " + task.unit() + " in "
        + duration(elapsed)
        + (task.detail().isEmpty() ? "" : ", " + task.detail());
  }

  /** Returns {@code [#########...............]}, {@code done/total} filled. */
  static String bar(long done, long total) {
    int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / Math.max(1, total));
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  /** Returns a count with thousands separators, e.g. {@code 1,310,720}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Returns a duration: {@code 4.2s}, {@code 2m05s}, {@code 1h02m}. */
  static String duration(long nanos) {
    long seconds = Math.max(0, nanos) / 1_000_000_000L;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", Math.max(0, nanos) / 1e9);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
