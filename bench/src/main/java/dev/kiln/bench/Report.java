package dev.kiln.bench;

/** Prints benchmark lines: a figure, its baseline from the same run and their ratio. */
final class Report {
  private Report() {}

  static void header(String format, Object... args) {
    System.out.printf("%n" + format + "%n", args);
  }

  /** A rate with its peak RSS. */
  static void rate(String what, Step step, long rows) {
    System.out.printf("%-44s %7.3f s %12s rows/s  peak RSS %6.0f MB%n", what, step.seconds(),
        String.format("%,.0f", rows / step.seconds()), step.peakRssMb());
  }

  /** A baseline under the step just printed: its time, rate, RSS and how many times faster. */
  static void baseline(Step step, long rows, String baseline, double baselineSeconds,
      double baselineRssMb, String goal) {
    System.out.printf("%-44s %7.3f s %12s rows/s  peak RSS %6.0f MB   -> %.2fx faster %s%n",
        "  vs " + baseline, baselineSeconds, String.format("%,.0f", rows / baselineSeconds),
        baselineRssMb, baselineSeconds / step.seconds(), goal.isEmpty() ? "" : "(" + goal + ")");
  }
}
