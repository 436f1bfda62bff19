package dev.kiln.data.io;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Chunks of a file read on a background thread one chunk ahead of the consumer: while the
 * consumer works on chunk n, chunk n+1 is read, so reading and processing overlap on two cores.
 * At most two chunks are in flight (the consumer's and the one read ahead): the reader waits
 * for the consumer to take a chunk before it reads the next. Opening the file also happens on
 * the reader thread, so a caller can start reading before it has loaded what it scores with.
 * A reading error is thrown, as the reader threw it, by the {@link #hasNext()} or
 * {@link #next()} that reaches it. Close it (try-with-resources) to stop the reader.
 */
public final class ReadAhead implements Iterator<Frame>, AutoCloseable {
  private static final Object END = new Object();
  private static final long POLL_MS = 50;
  private final SynchronousQueue<Object> handOver = new SynchronousQueue<>();
  private final Thread reader;
  private volatile boolean closed;
  private Object next;
  private boolean ended;

  private ReadAhead(Supplier<FrameChunks> open, String name) {
    this.reader = new Thread(() -> read(open), "kiln-read-" + name);
    reader.setDaemon(true);
  }

  /**
   * Starts reading a file in chunks of {@code chunkRows} rows on a background thread.
   *
   * @throws IllegalArgumentException if {@code chunkRows} is not positive
   */
  public static ReadAhead start(Path file, FileFormat format, CsvOptions options,
      int chunkRows) {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be positive: " + chunkRows);
    }
    return over(() -> FrameReader.chunks(file, format, options, chunkRows),
        String.valueOf(file.getFileName()));
  }

  /** Starts reading the chunks {@code open} returns, on a thread named after {@code name}. */
  static ReadAhead over(Supplier<FrameChunks> open, String name) {
    ReadAhead ahead = new ReadAhead(open, name);
    ahead.reader.start();
    return ahead;
  }

  private void read(Supplier<FrameChunks> open) {
    try (FrameChunks chunks = open.get()) {
      while (!closed && chunks.hasNext()) {
        if (!give(chunks.next())) {
          return;
        }
      }
      give(END);
    } catch (RuntimeException | Error e) {
      give(e);
    }
  }

  /** Hands an item over, waiting for the consumer; returns false if it closed meanwhile. */
  private boolean give(Object item) {
    try {
      while (!handOver.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
        if (closed) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /**
   * Returns whether another chunk follows, waiting for the reader.
   *
   * @throws DataFormatException as the reader threw it, naming the file and the problem
   */
  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      if (closed) {
        throw new IllegalStateException("the reader is closed");
      }
      try {
        next = handOver.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the reader", e);
      }
      if (next instanceof RuntimeException e) {
        ended = true;
        next = null;
        throw e;
      }
      if (next instanceof Error e) {
        ended = true;
        next = null;
        throw e;
      }
      ended = next == END;
    }
    return next != null && next != END;
  }

  @Override
  public Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    Frame frame = (Frame) next;
    next = null;
    return frame;
  }

  /**
   * Stops the reader: it finishes the chunk it is reading, if any, then releases the file.
   * Waits for it, so no reading outlives this call.
   */
  @Override
  public void close() {
    closed = true;
    next = null;
    handOver.poll();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
