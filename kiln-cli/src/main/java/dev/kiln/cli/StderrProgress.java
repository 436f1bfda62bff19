package dev.kiln.cli;

import dev.kiln.core.progress.Terminal;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports the progress of a long task of unknown size: a redrawn bar when stderr is a terminal,
 * else (a log, a pipe, CI) a plain line every {@link #EVERY} with no cursor codes.
 */
abstract class StderrProgress implements LongConsumer, AutoCloseable {
  /** How often a plain line is printed when stderr is not a terminal. */
  static final Duration EVERY = Duration.ofSeconds(10);

  /**
   * Starts reporting {@code task} counted in {@code unit}: a bar on {@code terminal} when stderr
   * is a terminal, else lines on {@code lines}.
   */
  static StderrProgress start(String task, String unit, PrintStream terminal, PrintWriter lines) {
    return Terminal.stderr() ? new Bar(task, unit, terminal)
        : new Lines(task, unit, lines, System::nanoTime, EVERY);
  }

  /** Records that {@code done} units are done. */
  @Override
  public abstract void accept(long done);

  @Override
  public abstract void close();

  /** The redrawn bar. */
  private static final class Bar extends StderrProgress {
    private final ProgressBar bar;

    Bar(String task, String unit, PrintStream terminal) {
      bar = new ProgressBarBuilder().setTaskName(task).setUnit(" " + unit, 1)
          .setStyle(ProgressBarStyle.ASCII).setInitialMax(-1).continuousUpdate()
          .setConsumer(new InteractiveConsoleProgressBarConsumer(terminal)).build();
    }

    @Override
    public void accept(long done) {
      bar.stepTo(done);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** Plain lines, at most one per interval: {@code Scoring: 1,200,000 rows after 20 s}. */
  static final class Lines extends StderrProgress {
    private final String task;
    private final String unit;
    private final PrintWriter out;
    private final LongSupplier nanos;
    private final long interval;
    private final long start;
    private long next;

    Lines(String task, String unit, PrintWriter out, LongSupplier nanos, Duration every) {
      this.task = task;
      this.unit = unit;
      this.out = out;
      this.nanos = nanos;
      this.interval = every.toNanos();
      this.start = nanos.getAsLong();
      this.next = start + interval;
    }

    @Override
    public void accept(long done) {
      long now = nanos.getAsLong();
      if (now < next) {
        return;
      }
      next = now + interval;
      out.printf("%s: %,d %s after %d s%n", task, done, unit, (now - start) / 1_000_000_000L);
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
