package dev.kiln.data.internal;

import dev.kiln.data.Frame;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over of frames from a producer (who appends chunks) to a consumer thread (a
 * DuckDB {@code COPY} pulling record batches), so memory holds at most a few chunks.
 */
public final class FrameQueue implements Iterator<Frame> {
  private static final Frame END = Frame.of();
  private static final Frame ABORT = Frame.of();
  private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(2);
  private Frame next;

  /**
   * Hands a frame over, waiting while the queue is full; returns false if the consumer has
   * stopped (its future is done), so the caller can report the consumer's error.
   */
  public boolean put(Frame frame, Future<?> consumer) throws InterruptedException {
    while (!queue.offer(frame, 50, TimeUnit.MILLISECONDS)) {
      if (consumer.isDone()) {
        return false;
      }
    }
    return true;
  }

  /** Tells the consumer no frame follows. */
  public boolean end(Future<?> consumer) throws InterruptedException {
    return put(END, consumer);
  }

  /** Tells the consumer to fail, leaving its output unfinished. */
  public void abort(Future<?> consumer) throws InterruptedException {
    queue.clear();
    put(ABORT, consumer);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for frames", e);
      }
    }
    if (next == ABORT) {
      throw new IllegalStateException("the writer was closed before it finished");
    }
    return next != END;
  }

  @Override
  public Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Frame f = next;
    next = null;
    return f;
  }
}
