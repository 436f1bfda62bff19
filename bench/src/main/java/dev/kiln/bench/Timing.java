package dev.kiln.bench;

/** Wall-clock timing for the benchmarks: best of several rounds, as the noise is one-sided. */
final class Timing {
  private Timing() {}

  /** Work to time. */
  interface Task {
    void run() throws Exception;
  }

  /** Returns the fastest of {@code rounds} runs of {@code task}, in milliseconds. */
  static double bestMillis(int rounds, Task task) throws Exception {
    double best = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      task.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    }
    return best;
  }
}
