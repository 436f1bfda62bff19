package dev.kiln.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Coalesces concurrent prediction requests into one call of a model, adaptively: while the model
 * is idle a request is predicted at once on its own thread (a hand-off to another thread costs
 * more than a fast model call); while a call is in progress, requests queue, and one worker
 * thread takes all that are waiting (up to {@link BatchingConfig#maxRows()} rows), keeps taking
 * those that arrive less than {@link #ARRIVAL_GAP_NANOS} apart for at most
 * {@link BatchingConfig#maxDelay()}, predicts them in one call and hands each caller its rows.
 * Closing drains the queue; a request arriving after close is predicted on its caller's thread,
 * so none is lost. With batching disabled every request calls the model on its own thread.
 */
final class MicroBatcher implements AutoCloseable {
  /** A model call over a row-major feature matrix. */
  @FunctionalInterface
  interface BatchModel {
    double[] predict(float[] features, int rows);
  }

  /** A batch stops filling when no request arrives for this long. */
  static final long ARRIVAL_GAP_NANOS = 100_000;
  /**
   * A model call cheaper than this (about two thread hand-offs) is never batched: waiting for
   * a batch would cost more than it saves.
   */
  static final long HANDOFF_NANOS = 20_000;
  private static final int CALIBRATION_BLOCKS = 10;
  private static final int CALLS_PER_BLOCK = 20;

  private record Job(float[] features, int rows, CompletableFuture<double[]> result) {}

  private final BatchModel model;
  private final BatchingConfig config;
  private final int width;
  private final IntConsumer batchRows;
  private final BlockingQueue<Job> queue;
  private final Thread worker;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean closed;
  private volatile boolean direct;
  private volatile long callNanos = -1;

  /**
   * Starts the worker.
   *
   * @param width features per row
   * @param batchRows told the row count of every model call (for metrics)
   */
  MicroBatcher(String name, BatchModel model, int width, BatchingConfig config,
      IntConsumer batchRows) {
    this.model = model;
    this.config = config;
    this.width = width;
    this.batchRows = batchRows;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity()));
    this.worker = config.enabled() ? new Thread(this::run, "kiln-batch-" + name) : null;
    if (worker != null) {
      worker.setDaemon(true);
      worker.start();
    }
  }

  /**
   * Times single-row calls of the model and turns batching off when a call costs less than a
   * hand-off to the batch worker ({@link #HANDOFF_NANOS}). The cost is the fastest of several
   * blocks of calls, so a pause of the machine (another process, a collection) during one block
   * does not pass for the model's cost.
   *
   * @param oneRow a valid one-row feature matrix
   * @return the cost of a one-row call, in nanoseconds
   */
  long calibrate(float[] oneRow) {
    long best = Long.MAX_VALUE;
    for (int block = 0; block < CALIBRATION_BLOCKS; block++) {
      long start = System.nanoTime();
      for (int i = 0; i < CALLS_PER_BLOCK; i++) {
        model.predict(oneRow, 1);
      }
      best = Math.min(best, (System.nanoTime() - start) / CALLS_PER_BLOCK);
    }
    callNanos = best;
    direct = best < HANDOFF_NANOS;
    return best;
  }

  /** Returns whether requests are batched (batching enabled and worth it for this model). */
  boolean batching() {
    return worker != null && !direct;
  }

  /** Says whether requests are batched, and why not when they are not. */
  String describeBatching() {
    if (worker == null) {
      return "off (disabled)";
    }
    String cost = callNanos < 0 ? "" : String.format("a one-row model call takes %,.1f µs",
        callNanos / 1000.0);
    return direct ? "off: " + cost + ", less than a hand-off between threads"
        : "on" + (cost.isEmpty() ? "" : " (" + cost + ")");
  }

  /** Returns the number of requests waiting. */
  int queueDepth() {
    return queue.size();
  }

  /**
   * Predicts {@code rows} rows, batched with concurrent callers.
   *
   * @throws ClientError 503 when the queue is full
   */
  double[] predict(float[] features, int rows) {
    if (direct || worker == null || closed || rows >= config.maxRows()) {
      return call(features, rows);
    }
    if (queue.isEmpty() && calls.compareAndSet(0, 1)) {
      try {
        return model.predict(features, rows);
      } finally {
        calls.decrementAndGet();
        batchRows.accept(rows);
      }
    }
    Job job = new Job(features, rows, new CompletableFuture<>());
    if (!queue.offer(job)) {
      throw new ClientError(503, "The server is overloaded: " + queue.size()
          + " requests are waiting for this model; retry later.");
    }
    if (closed && queue.remove(job)) {
      return call(features, rows);
    }
    try {
      return job.result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private double[] call(float[] features, int rows) {
    calls.incrementAndGet();
    try {
      return model.predict(features, rows);
    } finally {
      calls.decrementAndGet();
      batchRows.accept(rows);
    }
  }

  private void run() {
    List<Job> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Job first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        collect(batch, first.rows);
        predictBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void collect(List<Job> batch, int firstRows) throws InterruptedException {
    int rows = firstRows;
    long deadline = System.nanoTime() + config.maxDelay().toNanos();
    while (rows < config.maxRows()) {
      Job next = queue.peek();
      if (next == null) {
        long wait = Math.min(ARRIVAL_GAP_NANOS, deadline - System.nanoTime());
        next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          return;
        }
        if (rows + next.rows > config.maxRows()) {
          predictBatch(List.of(next));
          return;
        }
      } else if (rows + next.rows <= config.maxRows()) {
        next = queue.poll();
        if (next == null) {
          return;
        }
      } else {
        return;
      }
      batch.add(next);
      rows += next.rows;
    }
  }

  private void predictBatch(List<Job> batch) {
    try {
      if (batch.size() == 1) {
        Job job = batch.get(0);
        job.result.complete(call(job.features, job.rows));
        return;
      }
      int rows = 0;
      for (Job job : batch) {
        rows += job.rows;
      }
      float[] features = new float[rows * width];
      int at = 0;
      for (Job job : batch) {
        System.arraycopy(job.features, 0, features, at, job.features.length);
        at += job.features.length;
      }
      double[] raw = call(features, rows);
      int perRow = raw.length / rows;
      int from = 0;
      for (Job job : batch) {
        double[] mine = new double[job.rows * perRow];
        System.arraycopy(raw, from, mine, 0, mine.length);
        from += mine.length;
        job.result.complete(mine);
      }
    } catch (RuntimeException e) {
      batch.forEach(job -> job.result.completeExceptionally(e));
    }
  }

  /** Stops taking new work into batches, predicts every waiting request, and stops the worker. */
  @Override
  public void close() {
    closed = true;
    if (worker == null) {
      return;
    }
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Job left;
    while ((left = queue.poll()) != null) {
      predictBatch(List.of(left));
    }
  }
}
