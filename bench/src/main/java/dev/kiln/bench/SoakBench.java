package dev.kiln.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

/**
 * Soak test of a running {@code kiln serve}: closed-loop mixed traffic ({@link SoakTraffic}) on
 * several connections for a number of minutes while the champion alias moves between two
 * registry versions (a canary version takes a share), sampling the server's resident memory,
 * threads and open files. Reports requests, unexpected answers by kind, latency percentiles,
 * reload delays and resource growth; exits 1 if any answer was unexpected or anything grew.
 *
 * <p>Arguments: {@code URL PID MINUTES CONNECTIONS KILN_JAR PROJECT MODEL BUNDLE MAX_BODY_BYTES
 * MOVE_SECONDS}. Run it with {@code bench/run soak [MINUTES]}.
 */
public final class SoakBench {
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

  /** The version the champion alias was just moved to, and when. */
  private record Move(String version, long atNanos) {}

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> transport = new ConcurrentHashMap<>();
  private final Map<String, String> lastUnexpected = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> versions = new ConcurrentHashMap<>();
  private final Map<String, List<long[]>> latencies = new ConcurrentHashMap<>();
  private final AtomicReference<Move> move = new AtomicReference<>();
  private final List<Long> reloadMillis = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong total = new AtomicLong();

  private SoakBench() {}

  /** Runs the soak test; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    long pid = Long.parseLong(args[1]);
    Duration length = Duration.ofSeconds(Math.round(Double.parseDouble(args[2]) * 60));
    int connections = Integer.parseInt(args[3]);
    SoakTraffic traffic = new SoakTraffic(Path.of(args[7]), args[6], Long.parseLong(args[8]));
    SoakBench soak = new SoakBench();
    List<Thread> threads = new ArrayList<>();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    for (int c = 0; c < connections; c++) {
      int seed = c;
      Thread t = new Thread(() -> soak.drive(client, url, traffic, seed), "soak-" + c);
      t.start();
      threads.add(t);
    }
    AliasMover mover = new AliasMover(args[4], Path.of(args[5]), args[6],
        Duration.ofSeconds(Long.parseLong(args[9])), soak::moved);
    Thread moving = new Thread(mover, "soak-alias-mover");
    moving.setDaemon(true);
    moving.start();
    ProcessSampler sampler = new ProcessSampler(pid);
    long start = System.nanoTime();
    long end = start + length.toNanos();
    long nextLine = start + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(SAMPLE_EVERY.toMillis(), Math.max(1, (end - System.nanoTime())
          / 1_000_000)));
      sampler.sample((System.nanoTime() - start) / 1e9);
      if (System.nanoTime() >= nextLine) {
        nextLine += Duration.ofMinutes(1).toNanos();
        System.out.printf("[%5.1f min] %,d requests, %,d unexpected, %,d transport errors,"
            + " %s%n", (System.nanoTime() - start) / 6e10, soak.total.get(),
            soak.count(soak.unexpected), soak.count(soak.transport), sampler.latest());
      }
    }
    soak.running.set(false);
    moving.interrupt();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean ok = soak.report(traffic, seconds, connections, mover.moves());
    ok &= sampler.report();
    System.out.println(ok ? "verdict: OK" : "verdict: FAILED");
    System.exit(ok ? 0 : 1);
  }

  private void drive(HttpClient client, String url, SoakTraffic traffic, int seed) {
    Random random = new Random(seed);
    Map<String, LongStream.Builder> mine = new java.util.HashMap<>();
    while (running.get()) {
      SoakTraffic.Kind kind = traffic.pick(random);
      String body = kind.bodies().get(random.nextInt(kind.bodies().size()));
      // A body over the limit is sent as careful clients (curl) send large bodies: after a
      // 100 Continue, so the server's early 413 is read instead of racing the upload.
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + kind.path()))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", kind.contentType())
          .expectContinue(kind.expected() == 413)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long t0 = System.nanoTime();
      String problem = null;
      Map<String, LongAdder> counted = unexpected;
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        if (r.statusCode() != kind.expected()) {
          problem = r.statusCode() + " " + r.body();
        } else if (kind.valid()) {
          mine.computeIfAbsent(kind.name(), k -> LongStream.builder()).add(nanos);
          r.headers().firstValue("X-Model-Version").ifPresent(this::served);
        }
      } catch (java.io.IOException e) {
        problem = e.toString();
        counted = transport;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      total.incrementAndGet();
      requests.computeIfAbsent(kind.name(), k -> new LongAdder()).increment();
      if (problem != null) {
        counted.computeIfAbsent(kind.name(), k -> new LongAdder()).increment();
        lastUnexpected.put(kind.name(), problem.length() > 200 ? problem.substring(0, 200)
            : problem);
      }
    }
    mine.forEach((k, b) -> latencies.computeIfAbsent(k, x -> new java.util.Vector<>())
        .add(b.build().toArray()));
  }

  private void moved(String version) {
    move.set(new Move(version, System.nanoTime()));
  }

  /** Notes the version that answered; the first answer from a new champion ends its reload. */
  private void served(String version) {
    versions.computeIfAbsent(version, v -> new LongAdder()).increment();
    Move m = move.get();
    if (m != null && m.version().equals(version) && move.compareAndSet(m, null)) {
      synchronized (reloadMillis) {
        reloadMillis.add((System.nanoTime() - m.atNanos()) / 1_000_000);
      }
    }
  }

  private long count(Map<String, LongAdder> counts) {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private boolean report(SoakTraffic traffic, double seconds, int connections, int moves) {
    System.out.printf("%nSoak: %.1f min, %d connections, %,d requests (%,.0f/s), %,d answers"
        + " with an unexpected status, %,d transport errors%n", seconds / 60, connections,
        total.get(), total.get() / seconds, count(unexpected), count(transport));
    System.out.printf("%-26s %10s %11s %10s %9s %9s%n", "kind (expected status)", "requests",
        "unexpected", "transport", "p50 ms", "p99 ms");
    for (SoakTraffic.Kind k : traffic.kinds()) {
      long[] all = latencies.getOrDefault(k.name(), List.of()).stream()
          .flatMapToLong(LongStream::of).sorted().toArray();
      System.out.printf("%-26s %,10d %,11d %,10d %9s %9s%n", k.name() + " (" + k.expected()
          + ")", sum(requests, k.name()), sum(unexpected, k.name()), sum(transport, k.name()),
          percentile(all, 0.50), percentile(all, 0.99));
    }
    lastUnexpected.forEach((k, v) -> System.out.printf("  last unexpected %s: %s%n", k, v));
    long answered = versions.values().stream().mapToLong(LongAdder::sum).sum();
    System.out.printf("versions answering native requests: %s (of %,d)%n", versions, answered);
    synchronized (reloadMillis) {
      System.out.printf("champion moves: %d, picked up: %d, reload delay (ms) median %s, max"
          + " %s%n", moves, reloadMillis.size(), reloadMillis.stream().sorted()
          .skip(reloadMillis.size() / 2).findFirst().orElse(-1L), reloadMillis.stream()
          .max(Long::compare).orElse(-1L));
      return count(unexpected) == 0 && count(transport) == 0
          && reloadMillis.size() >= moves - 1;
    }
  }

  private static long sum(Map<String, LongAdder> counts, String key) {
    LongAdder a = counts.get(key);
    return a == null ? 0 : a.sum();
  }

  private static String percentile(long[] sorted, double q) {
    return sorted.length == 0 ? "-" : String.format("%.2f",
        sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6);
  }
}
