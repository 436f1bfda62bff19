package dev.kiln.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measured step: the best wall time of several rounds and the process's peak resident
 * memory during them (Linux: the high-water mark is reset through /proc/self/clear_refs first).
 *
 * @param seconds the fastest round
 * @param peakRssMb the peak resident set size in MB, or NaN where /proc is missing
 */
record Step(double seconds, double peakRssMb) {
  private static final Path STATUS = Path.of("/proc/self/status");

  /** Runs a task {@code rounds} times. */
  static Step best(int rounds, Timing.Task task) throws Exception {
    System.gc();
    resetPeak();
    double ms = Timing.bestMillis(rounds, task);
    return new Step(ms / 1000, peakMb());
  }

  private static void resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (Exception e) {
      // not Linux: peak is then the whole process's
    }
  }

  /** Returns VmHWM, the peak resident set size, in MB. */
  static double peakMb() {
    try {
      return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:"))
          .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).findFirst()
          .orElse(Double.NaN);
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
