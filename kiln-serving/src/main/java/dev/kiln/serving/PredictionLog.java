package dev.kiln.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every prediction to rolling JSON-lines files, one line per row: requests add their
 * entry (the checked input values and the outputs, no text) to a bounded lock-free queue; one
 * thread formats and writes them, so a request pays for neither. When the queue is full the
 * entry is counted as dropped and the request goes on. A file being written ends in {@code .jsonl.open} and is
 * renamed to {@code .jsonl} when it rolls (by size or age) or the log closes.
 *
 * <p>A line: {@code {"request_id","row","timestamp","model","version","role","latency_ms",
 * "inputs":{...},"outputs":{...}}}.
 */
public final class PredictionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  /** Written lines reach the file at least this often. */
  private static final long FLUSH_NANOS = 200_000_000;
  private static final long IDLE_NANOS = 1_000_000;
  private static final int MAX_KEPT_BUFFER = 1 << 20;

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
  private final long maxFileBytes;
  private final long maxFileAgeMillis;
  private final ServingMetrics metrics;
  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedRows = new AtomicLong();
  private final int capacity;
  private final double sampleRate;
  private final Thread writer;
  private volatile boolean closed;
  private Path openFile;
  private BufferedOutputStream out;
  /** The writer thread's buffer for one entry's lines. */
  private ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 12);
  private long fileBytes;
  private long fileOpenedAt;

  /**
   * Starts the writer thread, logging every request.
   *
   * @param capacity rows the queue holds before dropping (a request of more rows is taken
   *     only into an empty queue), which bounds the memory of a writer that falls behind
   */
  public PredictionLog(Path dir, int capacity, long maxFileBytes, long maxFileAgeMillis,
      ServingMetrics metrics) throws IOException {
    this(dir, capacity, maxFileBytes, maxFileAgeMillis, 1.0, metrics);
  }

  /**
   * Starts the writer thread.
   *
   * @param capacity rows the queue holds before dropping (a request of more rows is taken
   *     only into an empty queue), which bounds the memory of a writer that falls behind
   * @param sampleRate the share of requests logged, {@code 0 < rate <= 1} (drift statistics need a
   *     sample, not every row; label joins see only the logged requests)
   */
  public PredictionLog(Path dir, int capacity, long maxFileBytes, long maxFileAgeMillis,
      double sampleRate, ServingMetrics metrics) throws IOException {
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("sample rate must be in (0, 1], got " + sampleRate);
    }
    this.sampleRate = sampleRate;
    this.dir = Files.createDirectories(dir);
    this.maxFileBytes = maxFileBytes;
    this.maxFileAgeMillis = maxFileAgeMillis;
    this.metrics = metrics;
    this.capacity = capacity;
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
    if (sampleRate < 1 && ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return;
    }
    long after = closed ? 0 : queuedRows.addAndGet(entry.rows());
    if (closed || after > capacity && after != entry.rows()) {
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

  /** Formats an entry as JSON lines, one per row, and writes them whole. */
  private void write(Entry e) throws IOException {
    if (out == null) {
      open();
    }
    Frame inputs = e.inputs().get();
    lines.reset();
    try (JsonGenerator json = JSON.createGenerator(lines, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(null);
      String ts = e.timestamp().toString();
      for (int r = 0; r < e.rows(); r++) {
        json.writeStartObject();
        json.writeStringField("request_id", e.requestId());
        json.writeNumberField("row", r);
        json.writeStringField("timestamp", ts);
        json.writeStringField("model", e.model());
        json.writeStringField("version", e.version());
        json.writeStringField("role", e.role());
        json.writeNumberField("latency_ms", e.latencyMs());
        writeRow(json, "inputs", inputs, r);
        writeRow(json, "outputs", e.outputs(), r);
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
    lines.writeTo(out);
    fileBytes += lines.size();
    if (lines.size() > MAX_KEPT_BUFFER) {
      lines = new ByteArrayOutputStream(1 << 12);
    }
  }

  private static void writeRow(JsonGenerator json, String field, Frame frame, int row)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Column c : frame.columns()) {
      json.writeFieldName(c.name());
      if (c.isNull(row)) {
        json.writeNull();
        continue;
      }
      switch (c.type()) {
        case DOUBLE -> json.writeNumber(c.getDouble(row));
        case LONG -> json.writeNumber((long) c.getDouble(row));
        case BOOLEAN -> json.writeBoolean((Boolean) c.get(row));
        case STRING, TIMESTAMP -> json.writeString(String.valueOf(c.get(row)));
      }
    }
    json.writeEndObject();
  }

  private void open() throws IOException {
    fileOpenedAt = System.currentTimeMillis();
    openFile = dir.resolve("predictions-" + FILE_TIME.format(Instant.ofEpochMilli(fileOpenedAt))
        + ".jsonl.open");
    out = new BufferedOutputStream(Files.newOutputStream(openFile), 1 << 16);
    fileBytes = 0;
  }

  private void flushOrRoll() throws IOException {
    if (out == null) {
      return;
    }
    out.flush();
    if (fileBytes >= maxFileBytes
        || System.currentTimeMillis() - fileOpenedAt >= maxFileAgeMillis) {
      roll();
    }
  }

  /** Closes the open file and gives it its final {@code .jsonl} name. */
  private void roll() throws IOException {
    out.close();
    out = null;
    String name = openFile.getFileName().toString();
    Files.move(openFile, openFile.resolveSibling(name.substring(0, name.length() - 5)),
        StandardCopyOption.ATOMIC_MOVE);
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
