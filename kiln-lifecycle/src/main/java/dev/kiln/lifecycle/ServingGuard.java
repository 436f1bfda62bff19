package dev.kiln.lifecycle;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a served version from two scrapes of the model server's {@code /metrics} taken a
 * window apart: its share of 5xx answers and its 99th-percentile latency over the window, from
 * {@code kiln_requests_total} and the {@code kiln_request_duration_seconds} histogram. Windows
 * with fewer than {@code minRequests} requests are not judged.
 *
 * @param maxErrorRate the largest accepted share of 5xx answers, 0–1
 * @param maxP99 the largest accepted 99th-percentile latency
 * @param minRequests the fewest requests in a window to judge it
 */
public record ServingGuard(double maxErrorRate, Duration maxP99, long minRequests) {

  /** The figures of one window. */
  public record Window(long requests, long serverErrors, double p99Seconds) {
    /** Returns the share of 5xx answers. */
    public double errorRate() {
      return requests == 0 ? 0 : (double) serverErrors / requests;
    }
  }

  /** Computes a version's figures between two scrapes. */
  public static Window window(PrometheusSamples before, PrometheusSamples after, String model,
      String version) {
    long total = Math.round(delta(before, after, "kiln_requests_total", model, version, null));
    long errors = Math.round(delta(before, after, "kiln_requests_total", model, version, "5"));
    return new Window(total, errors, p99(before, after, model, version));
  }

  /** Returns why the window breaks the guard (with the numbers), or empty when it is healthy. */
  public Optional<String> breach(Window w) {
    if (w.requests() < minRequests) {
      return Optional.empty();
    }
    if (w.errorRate() > maxErrorRate) {
      return Optional.of(String.format(Locale.ROOT, "error rate %.1f%% > %.1f%% (%d of %d"
          + " requests answered 5xx)", w.errorRate() * 100, maxErrorRate * 100,
          w.serverErrors(), w.requests()));
    }
    if (w.p99Seconds() * 1000 > maxP99.toMillis()) {
      return Optional.of(String.format(Locale.ROOT, "p99 latency %.1f ms > %d ms over %d"
          + " requests", w.p99Seconds() * 1000, maxP99.toMillis(), w.requests()));
    }
    return Optional.empty();
  }

  private static double delta(PrometheusSamples before, PrometheusSamples after, String name,
      String model, String version, String codePrefix) {
    return after.sum(name, l -> matches(l, model, version, codePrefix))
        - before.sum(name, l -> matches(l, model, version, codePrefix));
  }

  private static boolean matches(Map<String, String> labels, String model, String version,
      String codePrefix) {
    return model.equals(labels.get("model")) && version.equals(labels.get("version"))
        && !"shadow".equals(labels.get("protocol"))
        && (codePrefix == null || labels.getOrDefault("code", "").startsWith(codePrefix));
  }

  /** The 99th percentile from histogram bucket deltas: the first bucket holding 99%. */
  private static double p99(PrometheusSamples before, PrometheusSamples after, String model,
      String version) {
    TreeMap<Double, Double> counts = new TreeMap<>();
    for (PrometheusSamples.Sample s : after.named("kiln_request_duration_seconds_bucket")) {
      if (matches(s.labels(), model, version, null)) {
        counts.merge(Double.parseDouble(s.labels().get("le").replace("+Inf", "Infinity")),
            s.value(), Double::sum);
      }
    }
    for (PrometheusSamples.Sample s : before.named("kiln_request_duration_seconds_bucket")) {
      if (matches(s.labels(), model, version, null)) {
        counts.merge(Double.parseDouble(s.labels().get("le").replace("+Inf", "Infinity")),
            -s.value(), Double::sum);
      }
    }
    double total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
    if (total <= 0) {
      return 0;
    }
    for (Map.Entry<Double, Double> e : counts.entrySet()) {
      if (e.getValue() >= 0.99 * total) {
        return e.getKey();
      }
    }
    return counts.lastKey();
  }
}
