package dev.kiln.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Samples a Linux process's resident memory, threads and open files from {@code /proc}, and
 * judges growth: the median of the last fifth of the run against the median of the second fifth
 * (the first fifth is warm-up: JIT, heap sizing, connection pools).
 */
final class ProcessSampler {
  /** Growth beyond both bounds is flagged. */
  private static final double RSS_GROWTH = 0.10;
  private static final long RSS_GROWTH_MB = 32;
  private static final long THREAD_GROWTH = 10;
  private static final long FILE_GROWTH = 20;

  private record Sample(double seconds, long rssMb, long threads, long files) {}

  private final long pid;
  private final List<Sample> samples = new ArrayList<>();

  ProcessSampler(long pid) {
    this.pid = pid;
  }

  /** Takes one sample at {@code seconds} into the run. */
  void sample(double seconds) throws IOException {
    long rssKb = 0;
    long threads = 0;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rssKb = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    long files;
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      files = fds.count();
    }
    samples.add(new Sample(seconds, rssKb / 1024, threads, files));
  }

  /** Describes the latest sample. */
  String latest() {
    Sample s = samples.get(samples.size() - 1);
    return String.format("RSS %d MB, %d threads, %d open files", s.rssMb(), s.threads(),
        s.files());
  }

  /** Prints RSS over time and the growth verdicts; returns false if anything grew. */
  boolean report() {
    StringBuilder series = new StringBuilder();
    int step = Math.max(1, samples.size() / 20);
    for (int i = 0; i < samples.size(); i += step) {
      Sample s = samples.get(i);
      series.append(String.format(" %d:%02d=%d", (long) s.seconds() / 60,
          (long) s.seconds() % 60, s.rssMb()));
    }
    System.out.println("RSS MB over time (m:ss=MB):" + series);
    int n = samples.size();
    List<Sample> early = samples.subList(n / 5, Math.max(n / 5 + 1, 2 * n / 5));
    List<Sample> late = samples.subList(Math.min(n - 1, 4 * n / 5), n);
    boolean ok = verdict("RSS MB", median(early, Sample::rssMb), median(late, Sample::rssMb),
        RSS_GROWTH_MB);
    ok &= verdict("threads", median(early, Sample::threads), median(late, Sample::threads),
        THREAD_GROWTH);
    ok &= verdict("open files", median(early, Sample::files), median(late, Sample::files),
        FILE_GROWTH);
    return ok;
  }

  private static boolean verdict(String what, long before, long after, long allowed) {
    boolean grew = after - before > allowed
        && (!what.startsWith("RSS") || after > before * (1 + RSS_GROWTH));
    System.out.printf("%-11s after warm-up %d -> at the end %d (%+d)%s%n", what, before, after,
        after - before, grew ? "  GROWTH" : "  stable");
    return !grew;
  }

  private static long median(List<Sample> window, java.util.function.ToLongFunction<Sample> f) {
    long[] v = window.stream().mapToLong(f).sorted().toArray();
    return v[v.length / 2];
  }
}
