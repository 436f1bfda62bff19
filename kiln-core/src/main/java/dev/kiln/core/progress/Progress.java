package dev.kiln.core.progress;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One piece of long work and how far along it is: units done out of a total (unknown when not
 * positive), with an optional detail such as the current validation score. Start it in a node, or
 * in any code a node calls on its thread, and close it when the work ends:
 *
 * <pre>{@code
 * try (Progress rows = Progress.start("score", frame.rowCount(), "rows")) {
 *   for (int i = 0; i < frame.rowCount(); i++) {
 *     ...
 *     rows.step(1);
 *   }
 * }
 * }</pre>
 *
 * <p>The task reports to the listener of the current thread's {@linkplain #reportTo scope}: the
 * runner opens one around each node, so {@code kiln run} shows the task under the node's name.
 * Stepping is an atomic add; listeners read the counters when they render. A node that hands work
 * to other threads starts the task on its own thread and steps it from any thread.
 */
public final class Progress implements AutoCloseable {
  private static final ThreadLocal<ProgressListener> CURRENT = new ThreadLocal<>();
  private static final ProgressListener NONE = new ProgressListener() {
    @Override
    public void started(Progress task) {}

    @Override
    public void ended(Progress task) {}
  };

  private final String label;
  private final String unit;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ProgressListener listener;
  private volatile String detail = "";

  private Progress(String label, long total, String unit, ProgressListener listener) {
    this.label = Objects.requireNonNull(label, "label");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.total = Math.max(total, 0);
    this.listener = listener;
  }

  /**
   * Starts a task reporting to the current scope's listener (to nothing outside a scope).
   *
   * @param label what is done, short: {@code boost}, {@code read creditcard.csv}
   * @param total how many units there will be; 0 or less when not known
   * @param unit what is counted, plural: {@code rows}, {@code rounds}, {@code trials}
   */
  public static Progress start(String label, long total, String unit) {
    ProgressListener listener = CURRENT.get();
    Progress task = new Progress(label, total, unit, listener == null ? NONE : listener);
    task.listener.started(task);
    return task;
  }

  /**
   * Makes tasks started on this thread report to the listener until the scope is closed, which
   * restores the scope that was current before.
   */
  public static Scope reportTo(ProgressListener listener) {
    ProgressListener previous = CURRENT.get();
    CURRENT.set(Objects.requireNonNull(listener, "listener"));
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** Adds units done. */
  public void step(long units) {
    done.addAndGet(units);
  }

  /** Sets the units done so far. */
  public void stepTo(long units) {
    done.set(units);
  }

  /** Sets a short text shown next to the counts, e.g. {@code validation aucpr 0.8312}. */
  public void detail(String text) {
    detail = text == null ? "" : text;
  }

  /** Returns what is done, e.g. {@code boost}. */
  public String label() {
    return label;
  }

  /** Returns what is counted, e.g. {@code rows}. */
  public String unit() {
    return unit;
  }

  /** Returns the units done so far. */
  public long done() {
    return done.get();
  }

  /** Returns the total, or 0 when not known. */
  public long total() {
    return total;
  }

  /** Returns the detail text, empty when none was set. */
  public String detail() {
    return detail;
  }

  /** Returns whether the task was closed. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Ends the task (once; later calls do nothing). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      listener.ended(this);
    }
  }

  /** The scope opened by {@link #reportTo}; closing it restores the previous one. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
