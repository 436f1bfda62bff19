package dev.kiln.serving;

import dev.kiln.data.Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every prediction to rolling files in a {@link LogFormat}: requests add their entry (the
 * checked input values and the outputs, no text) to a bounded lock-free queue; one thread encodes
 * and writes them, so a request pays for neither. When the queue is full the entry is counted as
 * dropped and the request goes on; so is an entry the writer fails to write. A file being
 * written ends in {@code .open} (e.g. {@code predictions-<time>.kpl.open}) and loses that suffix
 * when it rolls (by size or age) or the log closes.
 */
public final class PredictionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  /** Written entries reach the file at least this often. */
  private static final long FLUSH_NANOS = 200_000_000;
  private static final long IDLE_NANOS = 1_000_000;

  /**
   * How a log writes.
   *
   * @param capacity rows the queue holds before dropping (a request of more rows is taken only
   *     into an empty queue), which bounds the memory of a writer that falls behind
   * @param maxFileBytes a file rolls once it holds this many bytes
   * @param maxFileAgeMillis a file rolls once it is this old
   * @param sampleRate the share of requests logged, {@code 0 < rate <= 1} (drift statistics
   *     need a sample, not every row; label joins see only the logged requests)
   */
  public record Options(int capacity, long maxFileBytes, long maxFileAgeMillis,
      double sampleRate, LogFormat format) {
    /** Checks the sample rate. */
    public Options {
      if (!(sampleRate > 0 && sampleRate <= 1)) {
        throw new IllegalArgumentException("sample rate must be in (0, 1], got " + sampleRate);
      }
      Objects.requireNonNull(format, "format");
    }
  }

  /**
   * One request's predictions, as logged.
   *
   * @param inputs gives the input frame, called on the writer thread (so a request does not
   *     build it); it must return the same frame whenever called
   * @param rows the number of rows
   */
  public record Entry(String requestId, Instant timestamp, String model, String version,
      String role, double latencyMs, Supplier<Frame> inputs, int rows, Frame outputs) {
    /** An entry over an input frame already built. */
    public Entry(String requestId, Instant timestamp, String model, String version, String role,
        double latencyMs, Frame inputs, Frame outputs) {
      this(requestId, timestamp, model, version, role, latencyMs, () -> inputs,
          inputs.rowCount(), outputs);
    }
  }

  private final Path dir;
  private final Options options;
  private final ServingMetrics metrics;
  private final LogEncoder encoder;
  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedRows = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;
  private Path openFile;
  private BufferedOutputStream out;
  private long fileBytes;
  private long fileOpenedAt;

  /** Starts the writer thread, logging every request in the binary format. */
  public PredictionLog(Path dir, int capacity, long maxFileBytes, long maxFileAgeMillis,
      ServingMetrics metrics) throws IOException {
    this(dir, new Options(capacity, maxFileBytes, maxFileAgeMillis, 1.0, LogFormat.BINARY),
        metrics);
  }

  /** Starts the writer thread. */
  public PredictionLog(Path dir, Options options, ServingMetrics metrics) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.options = options;
    this.metrics = metrics;
    this.encoder = options.format().encoder();
    this.writer = new Thread(this::run, "kiln-prediction-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Returns the folder of the log files. */
  public Path dir() {
    return dir;
  }

  /**
   * Queues an entry (or a sampled share of them) for the writer thread without blocking; counts
   * its rows as dropped if the queue is full. Entries hold values, not text, so a writer that
   * falls behind costs less memory than formatted lines would.
   */
  public void offer(Entry entry) {
    double sampleRate = options.sampleRate();
    if (sampleRate < 1 && ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return;
    }
    long after = closed ? 0 : queuedRows.addAndGet(entry.rows());
    if (closed || after > options.capacity() && after != entry.rows()) {
      if (!closed) {
        queuedRows.addAndGet(-entry.rows());
      }
      metrics.logDropped(entry.rows());
      return;
    }
    queue.add(entry);
  }

  private void run() {
    long lastFlush = System.nanoTime();
    while (!closed || !queue.isEmpty()) {
      Entry entry = queue.poll();
      try {
        if (entry != null) {
          queuedRows.addAndGet(-entry.rows());
          write(entry);
        } else {
          LockSupport.parkNanos(IDLE_NANOS);
        }
        if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
          flushOrRoll();
          lastFlush = System.nanoTime();
        }
      } catch (IOException | RuntimeException e) {
        if (entry != null) {
          metrics.logDropped(entry.rows());
        }
        LOG.warn("Cannot write the prediction log in {}: {}", dir, e.getMessage());
      }
    }
  }

  /**
   * Encodes and writes an entry whole. A failed write leaves a record cut short, so the file is
   * closed (readers skip such a tail and count it) and the next entry starts a new one.
   */
  private void write(Entry e) throws IOException {
    if (out == null) {
      open();
    }
    try {
      fileBytes += encoder.write(e, out);
    } catch (IOException failed) {
      abandon();
      throw failed;
    }
  }

  private void open() throws IOException {
    fileOpenedAt = System.currentTimeMillis();
    openFile = dir.resolve("predictions-" + FILE_TIME.format(Instant.ofEpochMilli(fileOpenedAt))
        + "." + options.format().extension() + ".open");
    out = new BufferedOutputStream(Files.newOutputStream(openFile), 1 << 16);
    byte[] header = encoder.startFile();
    out.write(header);
    fileBytes = header.length;
  }

  private void flushOrRoll() throws IOException {
    if (out == null) {
      return;
    }
    out.flush();
    if (fileBytes >= options.maxFileBytes()
        || System.currentTimeMillis() - fileOpenedAt >= options.maxFileAgeMillis()) {
      roll();
    }
  }

  /** Closes the open file and gives it its final name (without {@code .open}). */
  private void roll() throws IOException {
    out.close();
    out = null;
    String name = openFile.getFileName().toString();
    Files.move(openFile, openFile.resolveSibling(name.substring(0, name.length() - 5)),
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Closes and renames the open file after a failed write, as far as the disk lets it. */
  private void abandon() {
    try {
      roll();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot close the prediction log file {}: {}", openFile, e.getMessage());
      out = null;
    }
  }

  /** Writes every queued entry, then closes and renames the open file. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(30_000);
      if (out != null) {
        roll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("Cannot close the prediction log in {}: {}", dir, e.getMessage());
    }
  }
}
