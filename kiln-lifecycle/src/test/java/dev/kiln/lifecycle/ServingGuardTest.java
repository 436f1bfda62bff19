package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serving.ServingMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guard reads the model server's own exposition and judges one version's window. */
class ServingGuardTest {
  private static final long MS = 1_000_000;

  @Test
  void error_rate_over_the_threshold_is_a_breach() {
    ServingMetrics metrics = new ServingMetrics();
    for (int i = 0; i < 100; i++) {
      metrics.request("fraud", "3", "native", 200, MS);
    }
    PrometheusSamples before = PrometheusSamples.parse(metrics.scrape());
    for (int i = 0; i < 90; i++) {
      metrics.request("fraud", "3", "native", 200, MS);
    }
    for (int i = 0; i < 10; i++) {
      metrics.request("fraud", "3", "v2", 500, MS);
      metrics.request("fraud", "2", "native", 500, MS);
    }
    ServingGuard.Window w = ServingGuard.window(before, PrometheusSamples.parse(metrics.scrape()),
        "fraud", "3");
    assertThat(w.requests()).isEqualTo(100);
    assertThat(w.serverErrors()).isEqualTo(10);
    assertThat(new ServingGuard(0.05, Duration.ofSeconds(1), 50).breach(w))
        .hasValueSatisfying(r -> assertThat(r).contains("error rate 10.0% > 5.0%")
            .contains("10 of 100"));
    assertThat(new ServingGuard(0.2, Duration.ofSeconds(1), 50).breach(w)).isEmpty();
    assertThat(new ServingGuard(0.05, Duration.ofSeconds(1), 500).breach(w))
        .as("too few requests to judge").isEmpty();
  }

  @Test
  void p99_comes_from_the_histogram_buckets_of_the_window() {
    ServingMetrics metrics = new ServingMetrics();
    for (int i = 0; i < 1000; i++) {
      metrics.request("fraud", "3", "native", 200, 200 * MS);
    }
    PrometheusSamples before = PrometheusSamples.parse(metrics.scrape());
    for (int i = 0; i < 995; i++) {
      metrics.request("fraud", "3", "native", 200, MS / 2);
    }
    for (int i = 0; i < 5; i++) {
      metrics.request("fraud", "3", "native", 200, 400 * MS);
    }
    ServingGuard.Window w = ServingGuard.window(before, PrometheusSamples.parse(metrics.scrape()),
        "fraud", "3");
    assertThat(w.p99Seconds()).as("the slow requests before the window do not count")
        .isEqualTo(0.0005);
    for (int i = 0; i < 20; i++) {
      metrics.request("fraud", "3", "native", 200, 400 * MS);
    }
    PrometheusSamples later = PrometheusSamples.parse(metrics.scrape());
    ServingGuard.Window slow = ServingGuard.window(before, later, "fraud", "3");
    assertThat(slow.p99Seconds()).isEqualTo(0.5);
    assertThat(new ServingGuard(0.05, Duration.ofMillis(250), 50).breach(slow))
        .hasValueSatisfying(r -> assertThat(r).contains("p99 latency 500.0 ms > 250 ms"));
  }
}
