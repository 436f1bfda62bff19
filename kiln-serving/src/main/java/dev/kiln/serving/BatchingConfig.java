package dev.kiln.serving;

import java.time.Duration;

/**
 * How concurrent requests for one model version are coalesced into one model call.
 *
 * @param enabled false to predict every request on its own thread
 * @param maxRows the most rows in one model call
 * @param maxDelay the longest a request waits for others to join its batch; waiting only
 *     happens under load (when the previous batch held several requests), so a lone request
 *     never waits
 * @param queueCapacity requests waiting at most; beyond it the server answers 503
 */
public record BatchingConfig(boolean enabled, int maxRows, Duration maxDelay, int queueCapacity) {

  /** Batching on, up to 256 rows, at most 2 ms added latency, 10,000 waiting requests. */
  public static BatchingConfig defaults() {
    return new BatchingConfig(true, 256, Duration.ofMillis(2), 10_000);
  }

  /** No batching: each request calls the model itself. */
  public static BatchingConfig disabled() {
    return new BatchingConfig(false, 1, Duration.ZERO, 1);
  }
}
