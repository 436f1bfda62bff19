package dev.kiln.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every prediction to rolling JSON-lines files, one line per row, off the request path:
 * requests only add an entry to a bounded lock-free queue; when it is full the entry is counted as
 * dropped and the request goes on. A file being written ends in {@code .jsonl.open} and is
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

  /** One request's predictions, as logged. */
  public record Entry(String requestId, Instant timestamp, String model, String version,
      String role, double latencyMs, Frame inputs, Frame outputs) {}

  private final Path dir;
  private final long maxFileBytes;
  private final long maxFileAgeMillis;
  private final ServingMetrics metrics;
  private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final int capacity;
  private final double sampleRate;
  private final Thread writer;
  private volatile boolean closed;
  private Path openFile;
  private OutputStream out;
  private JsonGenerator json;
  private long fileBytes;
  private long fileOpenedAt;

  /**
   * Starts the writer thread, logging every request.
   *
   * @param capacity entries (requests) the queue holds before dropping
   */
  public PredictionLog(Path dir, int capacity, long maxFileBytes, long maxFileAgeMillis,
      ServingMetrics metrics) throws IOException {
    this(dir, capacity, maxFileBytes, maxFileAgeMillis, 1.0, metrics);
  }

  /**
   * Starts the writer thread.
   *
   * @param capacity entries (requests) the queue holds before dropping
   * @param sampleRate the share of requests logged, 0 < rate <= 1 (drift statistics need a
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
   * Queues an entry (or a sampled share of them) without blocking; counts its rows as dropped
   * if the queue is full.
   */
  public void offer(Entry entry) {
    if (sampleRate < 1 && ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return;
    }
    if (closed || queued.incrementAndGet() > capacity) {
      if (!closed) {
        queued.decrementAndGet();
      }
      metrics.logDropped(entry.inputs().rowCount());
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
          queued.decrementAndGet();
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
          metrics.logDropped(entry.inputs().rowCount());
        }
        LOG.warn("Cannot write the prediction log in {}: {}", dir, e.getMessage());
      }
    }
  }

  private void write(Entry e) throws IOException {
    if (json == null) {
      open();
    }
    String ts = e.timestamp().toString();
    for (int r = 0; r < e.inputs().rowCount(); r++) {
      json.writeStartObject();
      json.writeStringField("request_id", e.requestId());
      json.writeNumberField("row", r);
      json.writeStringField("timestamp", ts);
      json.writeStringField("model", e.model());
      json.writeStringField("version", e.version());
      json.writeStringField("role", e.role());
      json.writeNumberField("latency_ms", e.latencyMs());
      writeRow("inputs", e.inputs(), r);
      writeRow("outputs", e.outputs(), r);
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private void writeRow(String field, Frame frame, int row) throws IOException {
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
    json = JSON.createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
    fileBytes = 0;
  }

  private void flushOrRoll() throws IOException {
    if (json == null) {
      return;
    }
    json.flush();
    fileBytes = Files.size(openFile);
    if (fileBytes >= maxFileBytes
        || System.currentTimeMillis() - fileOpenedAt >= maxFileAgeMillis) {
      roll();
    }
  }

  /** Closes the open file and gives it its final {@code .jsonl} name. */
  private void roll() throws IOException {
    json.close();
    out.close();
    json = null;
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
      if (json != null) {
        roll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("Cannot close the prediction log in {}: {}", dir, e.getMessage());
    }
  }
}
