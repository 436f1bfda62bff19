package dev.kiln.serving.http;

import dev.kiln.serving.ClientError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

/**
 * Counts prediction requests in flight and refuses new ones while the server drains, so a
 * graceful shutdown answers every request it accepted.
 */
final class Guard {
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  /** Wraps a prediction handler. */
  Handler predicting(Handler handler) {
    return ctx -> {
      // Counted before the check: a request that passes it is seen by drain(), which sets
      // draining before reading the count (checking first would let one slip past a drain).
      inFlight.incrementAndGet();
      boolean untilSent = countUntilSent(ctx);
      try {
        if (draining) {
          ctx.header("Connection", "close");
          throw new ClientError(503, "The server is shutting down; retry on another replica.");
        }
        handler.handle(ctx);
      } finally {
        if (!untilSent) {
          inFlight.decrementAndGet();
        }
      }
    };
  }

  /**
   * Keeps the request counted until its response is written: Javalin writes the answer after
   * the handler returns, and stopping the server before that would cut it off.
   *
   * @return false if the request cannot be followed to its end (then the handler's end counts)
   */
  private boolean countUntilSent(Context ctx) {
    Request request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request == null) {
      return false;
    }
    Request.addCompletionListener(request, failure -> inFlight.decrementAndGet());
    return true;
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
