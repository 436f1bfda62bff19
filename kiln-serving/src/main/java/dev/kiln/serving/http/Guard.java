package dev.kiln.serving.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts prediction requests in flight and refuses new ones while the server drains, so a
 * graceful shutdown answers every request it accepted.
 */
final class Guard {
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  /**
   * Counts a request in; the caller must {@link #leave()} once its answer is written, whatever
   * this returns.
   *
   * @return false if the server is draining (the request must be refused)
   */
  boolean enter() {
    // Counted before the check: a request that passes it is seen by drain(), which sets
    // draining before reading the count (checking first would let one slip past a drain).
    inFlight.incrementAndGet();
    return !draining;
  }

  /** Counts a request out once its answer is written (or its connection gone). */
  void leave() {
    inFlight.decrementAndGet();
  }

  /** Returns whether the server is draining. */
  boolean draining() {
    return draining;
  }

  /**
   * Refuses new requests and waits until those in flight are answered, at most
   * {@code timeoutMillis}.
   *
   * @return the number still in flight when the wait ended (0 when drained)
   */
  int drain(long timeoutMillis) throws InterruptedException {
    draining = true;
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    return inFlight.get();
  }
}
