package dev.kiln.data.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Decodes record batches into column builders on one background thread, in arrival order, while
 * the caller's thread has DuckDB produce the next batch: DuckDB's scan and Kiln's copy and string
 * coding then run on two cores. Each batch's buffers are moved (not copied) out of the reader's
 * root; at most {@value #IN_FLIGHT} batches wait, so off-heap memory stays bounded.
 */
final class BatchDecoder implements AutoCloseable {
  /** Batches handed over and not yet decoded, at most. */
  static final int IN_FLIGHT = 2;
  private final List<ArrowColumnBuilder> builders;
  private final BufferAllocator allocator;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kiln-arrow-decode");
    t.setDaemon(true);
    return t;
  });
  private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

  BatchDecoder(List<ArrowColumnBuilder> builders, BufferAllocator allocator) {
    this.builders = builders;
    this.allocator = allocator;
  }

  /**
   * Takes the batch loaded in {@code root} (leaving the root empty for the next one) and queues
   * it, first waiting for the oldest batch when {@value #IN_FLIGHT} are queued.
   *
   * @throws IOException when decoding an earlier batch failed
   */
  void add(VectorSchemaRoot root) throws IOException {
    List<FieldVector> batch = new ArrayList<>(builders.size());
    for (FieldVector v : root.getFieldVectors()) {
      TransferPair move = v.getTransferPair(allocator);
      move.transfer();
      batch.add((FieldVector) move.getTo());
    }
    if (pending.size() >= IN_FLIGHT) {
      await(pending.removeFirst());
    }
    pending.add(thread.submit(() -> decode(batch)));
  }

  private Void decode(List<FieldVector> batch) {
    try {
      for (int j = 0; j < builders.size(); j++) {
        builders.get(j).add(batch.get(j));
      }
    } finally {
      batch.forEach(FieldVector::close);
    }
    return null;
  }

  /**
   * Waits until every batch handed over is decoded.
   *
   * @throws IOException when decoding one failed
   */
  void finish() throws IOException {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  private static void await(Future<?> batch) throws IOException {
    try {
      batch.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while decoding Arrow batches", e);
    }
  }

  /** Lets queued batches finish (each releases its buffers), then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    for (Future<?> batch : pending) {
      try {
        batch.get();
      } catch (ExecutionException e) {
        // the caller is already failing or has its result; this batch's error adds nothing
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    pending.clear();
  }
}
