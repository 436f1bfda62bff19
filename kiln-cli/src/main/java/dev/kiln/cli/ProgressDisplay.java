package dev.kiln.cli;

import dev.kiln.core.progress.Progress;
import dev.kiln.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shows what is running and how far along it is, on one writer shared with ordinary lines. In
 * {@link ProgressMode#BAR} mode a status line at the bottom is redrawn on every tick and cleared
 * before each ordinary line; in {@link ProgressMode#PLAIN} mode each task (or a running owner with
 * no task) gets a line once every interval, and a task that got one also gets a line when it ends.
 * A ticker thread calls {@link #tick()} while the display is open; tests call it themselves with
 * their own clock.
 */
final class ProgressDisplay implements AutoCloseable {
  /** Plain lines are at most this often per task. */
  static final long PLAIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long BAR_REFRESH_MILLIS = 200;
  private static final int BAR_COLUMNS = 120;

  private final PrintWriter out;
  private final ProgressMode mode;
  private final LongSupplier clock;
  private final long intervalNanos;
  private final Map<Progress, Shown> tasks = new LinkedHashMap<>();
  private final Map<String, Long> owners = new LinkedHashMap<>();
  private final Map<Object, Long> lastLine = new HashMap<>();
  private Supplier<String> prefix = () -> "";
  private boolean statusShown;
  private ScheduledExecutorService ticker;

  /** Creates a display ticked by the caller (tests). */
  ProgressDisplay(PrintWriter out, ProgressMode mode, LongSupplier clock, long intervalNanos) {
    this.out = out;
    this.mode = mode;
    this.clock = clock;
    this.intervalNanos = intervalNanos;
  }

  /** Opens a display ticked by a daemon thread until closed. */
  static ProgressDisplay open(PrintWriter out, ProgressMode mode) {
    ProgressDisplay display = new ProgressDisplay(out, mode, System::nanoTime,
        PLAIN_INTERVAL_NANOS);
    if (mode != ProgressMode.NONE) {
      display.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiln-progress");
        t.setDaemon(true);
        return t;
      });
      long period = mode == ProgressMode.BAR ? BAR_REFRESH_MILLIS : 1000;
      display.ticker.scheduleAtFixedRate(display::tick, period, period, TimeUnit.MILLISECONDS);
    }
    return display;
  }

  /** Sets the text starting each status line and periodic line, e.g. {@code [2/7 12.3s]}. */
  synchronized void prefix(Supplier<String> text) {
    prefix = text;
  }

  /** Returns a listener showing the tasks it is told of under the owner's name. */
  ProgressListener listener(String owner) {
    return new ProgressListener() {
      @Override
      public void started(Progress task) {
        taskStarted(owner, task);
      }

      @Override
      public void ended(Progress task) {
        taskEnded(owner, task);
      }
    };
  }

  /** Prints an ordinary line (the status line is cleared first and redrawn after). */
  synchronized void println(String line) {
    clearStatus();
    out.println(line);
    drawStatus();
    out.flush();
  }

  /** Marks an owner (a node) as running, so a long one shows even without tasks. */
  synchronized void ownerStarted(String owner) {
    owners.put(owner, clock.getAsLong());
  }

  /** Marks an owner as no longer running. */
  synchronized void ownerEnded(String owner) {
    owners.remove(owner);
    lastLine.remove(owner);
  }

  /** A task being shown: whose it is and when it started. */
  private record Shown(String owner, long startNanos) {}

  /** Shows a task under the owner's name until it ends. */
  synchronized void taskStarted(String owner, Progress task) {
    tasks.put(task, new Shown(owner, clock.getAsLong()));
  }

  /** Stops showing a task; in plain mode, a task that got a line gets a last one. */
  synchronized void taskEnded(String owner, Progress task) {
    Shown shown = tasks.remove(task);
    if (mode == ProgressMode.PLAIN && lastLine.remove(task) != null && shown != null) {
      out.println(prefix.get() + " " + owner + ": "
          + ProgressText.ended(task, clock.getAsLong() - shown.startNanos()));
      out.flush();
    }
  }

  /** Redraws the status line (bar mode) or prints the lines that are due (plain mode). */
  synchronized void tick() {
    long now = clock.getAsLong();
    if (mode == ProgressMode.BAR) {
      clearStatus();
      drawStatus();
    } else if (mode == ProgressMode.PLAIN) {
      for (Map.Entry<Progress, Shown> t : tasks.entrySet()) {
        Shown shown = t.getValue();
        if (due(t.getKey(), shown.startNanos(), now)) {
          out.println(prefix.get() + " " + shown.owner() + ": "
              + ProgressText.describe(t.getKey(), now - shown.startNanos(), false));
        }
      }
      for (Map.Entry<String, Long> o : owners.entrySet()) {
        if (tasks.values().stream().noneMatch(t -> t.owner().equals(o.getKey()))
            && due(o.getKey(), o.getValue(), now)) {
          out.println(prefix.get() + " " + o.getKey() + ": still running ("
              + ProgressText.duration(now - o.getValue()) + ")");
        }
      }
    }
    out.flush();
  }

  /** Returns whether a plain line about the key is due, and if so notes it as printed now. */
  private boolean due(Object key, long since, long now) {
    long last = lastLine.getOrDefault(key, since);
    if (now - last < intervalNanos) {
      return false;
    }
    lastLine.put(key, now);
    return true;
  }

  /** Returns the status line: the latest task, else the running owners. */
  private String status() {
    long now = clock.getAsLong();
    List<Map.Entry<Progress, Shown>> active = new ArrayList<>(tasks.entrySet());
    String text;
    if (!active.isEmpty()) {
      Map.Entry<Progress, Shown> last = active.get(active.size() - 1);
      text = last.getValue().owner() + " · " + ProgressText.describe(last.getKey(),
          now - last.getValue().startNanos(), true);
    } else if (!owners.isEmpty()) {
      Map.Entry<String, Long> first = owners.entrySet().iterator().next();
      text = "running " + String.join(", ", owners.keySet()) + " "
          + ProgressText.duration(now - first.getValue());
    } else {
      return "";
    }
    String line = (prefix.get() + " " + text).trim();
    return line.length() > BAR_COLUMNS ? line.substring(0, BAR_COLUMNS - 1) + "…" : line;
  }

  private void drawStatus() {
    if (mode != ProgressMode.BAR) {
      return;
    }
    String status = status();
    if (!status.isEmpty()) {
      out.print(status);
      statusShown = true;
    }
  }

  private void clearStatus() {
    if (statusShown) {
      out.print("\r\033[K");
      statusShown = false;
    }
  }

  /** Stops the ticker and clears the status line. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearStatus();
    out.flush();
  }
}
