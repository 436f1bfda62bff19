package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.LogFormat;
import dev.kiln.serving.PredictionLog;
import dev.kiln.serving.ServingMetrics;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary prediction log, written by kiln-serving's {@link PredictionLog}, read back here. */
class BinaryPredictionLogTest {
  @TempDir Path dir;

  static final Frame INPUTS = Frame.of(
      new DoubleColumn("d", new double[] {1.5, -0.0, Double.NaN, Double.MIN_VALUE}, bits(2)),
      new LongColumn("n", new long[] {-7, 0, 1L << 52, Long.MIN_VALUE + 1}, bits(3)),
      new BooleanColumn("b", new boolean[] {true, false, false, true}, bits(1)),
      StringColumn.of("s", "héllo", "日本語 🚀", null, ""),
      new TimestampColumn("t", new long[] {0, -1, 1_700_000_000_123_456L, 0}, bits(3)),
      new TimestampColumn("tl", new long[] {0, -1, 1_700_000_000_123_456L, 5}, bits(0),
          TimestampColumn.Kind.LOCAL),
      new TimestampColumn("td", new long[] {0, 86_400_000_000L, -86_400_000_000L, 0}, bits(),
          TimestampColumn.Kind.DATE));
  static final Frame OUTPUTS = Frame.of(
      new DoubleColumn("probability", new double[] {Double.NaN, -0.0, 0.25, 0}, bits(3)),
      LongColumn.of("prediction", 1, 0, 0, 1),
      StringColumn.of("label", "yes", "no", "no", "yes"));
  static final BundleManifest MANIFEST = manifest(List.of(FieldSpec.of(INPUTS.column("d")),
      FieldSpec.of(INPUTS.column("n")), FieldSpec.of(INPUTS.column("b")),
      FieldSpec.of(INPUTS.column("s")), FieldSpec.of(INPUTS.column("t")),
      FieldSpec.of(INPUTS.column("tl")), FieldSpec.of(INPUTS.column("td"))));

  static BitSet bits(int... set) {
    BitSet b = new BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }

  static BundleManifest manifest(List<FieldSpec> inputs) {
    return new BundleManifest(1, "m", "1", Task.BINARY_CLASSIFICATION, "2026-01-01T00:00:00Z",
        "label", inputs, List.of(), 0.5, "xgboost-json", "model.json", "preprocessing.json",
        Map.of(), null, Map.of(), Map.of(), null);
  }

  static PredictionLog.Entry entry(String id, long second, Frame in, Frame out) {
    return new PredictionLog.Entry(id, Instant.ofEpochSecond(1_767_225_600L + second, 123_456_000),
        "m", "v-ü", "primary", 1.25, in, out);
  }

  static PredictionLog open(Path logDir, int capacity, long fileBytes, LogFormat format)
      throws IOException {
    return new PredictionLog(logDir, new PredictionLog.Options(capacity, fileBytes, 3_600_000,
        1, format), new ServingMetrics());
  }

  static PredictionLogReader.Result read(Path logDir) {
    return new PredictionLogReader(logDir, PredictionLogReader.DEFAULT_ROLES)
        .readAll(MANIFEST, null);
  }

  static List<Path> files(Path logDir) throws IOException {
    try (Stream<Path> files = Files.list(logDir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void everyType_roundTrips_withNullsNanSignedZeroAndUnicode() throws Exception {
    try (PredictionLog log = open(dir, 1000, 1 << 20, LogFormat.BINARY)) {
      log.offer(new PredictionLog.Entry("réq-✓", Instant.parse("2026-01-01T00:00:00.654321Z"),
          "m", "v-ü", "primary", 1.25, INPUTS, OUTPUTS));
    }
    assertThat(files(dir)).singleElement().matches(f -> f.toString().endsWith(".kpl"));
    PredictionLogReader.Result result = read(dir);
    assertThat(result.skipped()).isEmpty();
    Frame f = result.rows();
    assertThat(f.columnNames()).containsExactly("d", "n", "b", "s", "t", "tl", "td",
        "probability",
        "prediction", "label", "request_id", "row", "timestamp", "version");
    assertThat(Double.doubleToRawLongBits(f.column("d").getDouble(1)))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(f.column("d").getDouble(3)).isEqualTo(Double.MIN_VALUE);
    assertThat(f.column("d").isNull(2)).isTrue();
    assertThat(f.column("n").getDouble(2)).isEqualTo(0x1p52);
    assertThat(f.column("n").getDouble(0)).isEqualTo(-7);
    assertThat(f.column("n").isNull(3)).isTrue();
    assertThat(List.of(f.column("b").getDouble(0), f.column("b").getDouble(2)))
        .containsExactly(1.0, 0.0);
    assertThat(f.column("b").isNull(1)).isTrue();
    assertThat(List.of(f.column("s").get(0), f.column("s").get(1), f.column("s").get(3)))
        .containsExactly("héllo", "日本語 🚀", "");
    assertThat(f.column("s").isNull(2)).isTrue();
    assertThat(f.column("t").getDouble(2)).isEqualTo(1_700_000_000_123_456d);
    assertThat(f.column("t").getDouble(1)).isEqualTo(-1);
    assertThat(f.column("t").isNull(3)).isTrue();
    assertThat(f.column("tl").getDouble(3)).isEqualTo(5);
    assertThat(f.column("td").getDouble(2)).isEqualTo(-86_400_000_000d);
    assertThat(f.column("probability").isNull(0)).as("a logged NaN is a value").isFalse();
    assertThat(f.column("probability").getDouble(0)).isNaN();
    assertThat(Double.doubleToRawLongBits(f.column("probability").getDouble(1)))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(f.column("probability").isNull(3)).isTrue();
    assertThat(f.column("prediction").getDouble(0)).isEqualTo(1);
    assertThat(f.column("label").isNull(0)).as("text outputs are not numbers").isTrue();
    assertThat(f.column("request_id").get(3)).isEqualTo("réq-✓");
    assertThat(f.column("row").getLong(3)).isEqualTo(3);
    assertThat(f.column("timestamp").getLong(0)).isEqualTo(1_767_225_600_654_321L);
    assertThat(f.column("version").get(0)).isEqualTo("v-ü");
  }

  @Test
  void aTornTail_isSkippedAndCounted_neverMisread() throws Exception {
    Path logDir = dir.resolve("log");
    try (PredictionLog log = open(logDir, 1000, 1 << 20, LogFormat.BINARY)) {
      for (int i = 0; i < 3; i++) {
        log.offer(entry("r" + i, i, INPUTS, OUTPUTS));
      }
    }
    Path closed = files(logDir).get(0);
    long size = Files.size(closed);
    Path open = closed.resolveSibling(closed.getFileName() + ".open");
    Files.move(closed, open);
    for (long cut = size - 1; cut > size - 60; cut -= 7) {
      try (RandomAccessFile file = new RandomAccessFile(open.toFile(), "rw")) {
        file.setLength(cut);
      }
      PredictionLogReader.Result torn = read(logDir);
      assertThat(torn.rows().rowCount()).isEqualTo(8);
      assertThat(torn.skipped()).singleElement().satisfies(t -> {
        assertThat(t.file()).isEqualTo(open);
        assertThat(t.offset() + t.bytes()).isEqualTo(Files.size(open));
        assertThat(t.describe()).contains("cut short");
      });
    }
  }

  @Test
  void aDamagedRecord_failsItsChecksum_andEndsTheFileWithACount() throws Exception {
    try (PredictionLog log = open(dir, 1000, 1 << 20, LogFormat.BINARY)) {
      for (int i = 0; i < 3; i++) {
        log.offer(entry("r" + i, i, INPUTS, OUTPUTS));
      }
    }
    Path file = files(dir).get(0);
    long size = Files.size(file);
    long second;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(12);
      second = 12 + 8 + Integer.reverseBytes(f.readInt()); // lengths are little-endian
      f.seek(second + 8 + 10); // inside the second record's payload
      int b = f.read();
      f.seek(second + 8 + 10);
      f.write(b ^ 0x10);
    }
    PredictionLogReader.Result damaged = read(dir);
    assertThat(damaged.rows().rowCount()).isEqualTo(4);
    assertThat(damaged.skipped()).singleElement().satisfies(t -> {
      assertThat(t.offset()).isEqualTo(second);
      assertThat(t.bytes()).isEqualTo(size - second);
    });
  }

  @Test
  void aFileOfAnotherFormatVersion_orNotALog_isRefusedByName() throws Exception {
    Files.write(dir.resolve("predictions-1.kpl"), "KILNPLOG\u0002\u0000\u0000\u0000".getBytes());
    assertThatThrownBy(() -> read(dir)).hasMessageContaining("format version 2");
    Files.write(dir.resolve("predictions-1.kpl"), "{\"request_id\": 1}\n".getBytes());
    assertThatThrownBy(() -> read(dir)).hasMessageContaining("is not a Kiln prediction log");
  }

  @Test
  void rotation_startsEachFileWithItsOwnHeaderAndDictionary() throws Exception {
    try (PredictionLog log = open(dir, 1000, 1, LogFormat.BINARY)) {
      for (int i = 0; i < 3; i++) {
        log.offer(entry("r" + i, i, INPUTS, OUTPUTS));
        Thread.sleep(450); // the writer rolls a file past its size when it flushes (200 ms)
      }
    }
    List<Path> files = files(dir);
    assertThat(files).hasSizeGreaterThanOrEqualTo(2)
        .allMatch(f -> f.toString().endsWith(".kpl"));
    Frame f = read(dir).rows();
    assertThat(f.rowCount()).isEqualTo(12);
    assertThat(f.column("request_id").get(11)).isEqualTo("r2");
    assertThat(f.column("s").get(9)).isEqualTo("日本語 🚀");
  }

  @Test
  void aFullQueue_dropsAndCounts_everyOfferedRowIsLoggedOrCounted() throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    Frame in = Frame.of(DoubleColumn.of("d", 1, 2));
    Frame out = Frame.of(DoubleColumn.of("probability", 0.5, 0.25));
    PredictionLog log = new PredictionLog(dir, new PredictionLog.Options(1, 1 << 20, 60_000, 1,
        LogFormat.BINARY), metrics);
    for (int i = 0; i < 5000; i++) {
      log.offer(entry("r" + i, i, in, out));
    }
    log.close();
    double dropped = Double.parseDouble(metrics.scrape().lines()
        .filter(l -> l.startsWith("kiln_prediction_log_dropped_total")).findFirst()
        .orElseThrow().split(" ")[1]);
    int written = new PredictionLogReader(dir, PredictionLogReader.DEFAULT_ROLES)
        .read(manifest(List.of(FieldSpec.of(in.column("d")))), null).rowCount();
    assertThat(dropped).isGreaterThan(0);
    assertThat(written + (long) dropped).isEqualTo(10_000);
  }

  @Test
  void binaryAndJsonLogsOfTheSamePredictions_readTheSame() throws Exception {
    for (LogFormat format : LogFormat.values()) {
      try (PredictionLog log = open(dir.resolve(format.name()), 1000, 1 << 20, format)) {
        for (int i = 0; i < 5; i++) {
          log.offer(entry("r" + i, 10 - i, INPUTS, finiteOutputs()));
        }
      }
    }
    Frame binary = read(dir.resolve("BINARY")).rows();
    Frame json = read(dir.resolve("JSON")).rows();
    assertSameFrame(binary, json);
    assertThat(Files.size(files(dir.resolve("BINARY")).get(0)))
        .isLessThan(Files.size(files(dir.resolve("JSON")).get(0)) / 2);
  }

  static Frame finiteOutputs() {
    return Frame.of(new DoubleColumn("probability", new double[] {0.125, -0.0, 0.25, 0},
        bits(3)), LongColumn.of("prediction", 1, 0, 0, 1));
  }

  /** Asserts the same columns, types, nulls and value bits. */
  static void assertSameFrame(Frame actual, Frame expected) {
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    for (String name : expected.columnNames()) {
      Column a = actual.column(name);
      Column e = expected.column(name);
      assertThat(a.type()).as(name).isEqualTo(e.type());
      for (int r = 0; r < e.size(); r++) {
        assertThat(a.isNull(r)).as(name + " null at " + r).isEqualTo(e.isNull(r));
        if (!e.isNull(r)) {
          Object av = a.type().isNumeric() ? Double.doubleToRawLongBits(a.getDouble(r)) : a.get(r);
          Object ev = e.type().isNumeric() ? Double.doubleToRawLongBits(e.getDouble(r)) : e.get(r);
          assertThat(av).as(name + " at " + r).isEqualTo(ev);
        }
      }
    }
  }
}
