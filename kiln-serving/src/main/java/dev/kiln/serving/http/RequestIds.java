package dev.kiln.serving.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New request ids: random (version 4) UUIDs drawn from the request thread's own generator.
 * {@link UUID#randomUUID()} draws from one shared {@code SecureRandom} behind a lock; under load
 * the request threads queued on it (the largest lock contention in a JFR profile of
 * {@code kiln serve}). A request id names a request in logs; it is not a secret.
 */
final class RequestIds {
  private RequestIds() {}

  /** Returns a new random UUID (version 4, IETF variant) as a string. */
  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
