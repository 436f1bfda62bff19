package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.PredictionLog;
import dev.kiln.serving.ServingMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogReaderTest {
  @TempDir static Path dir;
  static BundleManifest manifest;
  static Path logDir;

  @BeforeAll
  static void writeLog() throws Exception {
    manifest = new BundleManifest(1, "m", "1", Task.BINARY_CLASSIFICATION,
        "2026-01-01T00:00:00Z", "label", List.of(FieldSpec.of(DoubleColumn.of("amount", 1)),
            FieldSpec.of(StringColumn.of("kind", "a"))), List.of(), 0.5, "xgboost-json",
        "model.json", "preprocessing.json", Map.of(), null, Map.of(), Map.of(), null);
    logDir = dir.resolve("log");
    try (PredictionLog log = new PredictionLog(logDir, 100, 1 << 20, 60_000,
        new ServingMetrics())) {
      log.offer(entry("r1", "2026-01-01T00:00:00Z", "m", "primary", 2));
      log.offer(entry("r2", "2026-01-02T00:00:00Z", "m", "canary", 1));
      log.offer(entry("r3", "2026-01-02T00:00:00Z", "m", "shadow", 1));
      log.offer(entry("r4", "2026-01-02T00:00:00Z", "other", "primary", 1));
    }
    Files.writeString(logDir.resolve("predictions-20260103-000000-000.jsonl.open"),
        "{\"request_id\":\"r5\",\"row\":0,\"timestamp\":\"2026-01-03T00:00:00Z\",\"model\":\"m\","
            + "\"version\":\"2\",\"role\":\"primary\",\"latency_ms\":1,\"inputs\":{\"amount\":7,"
            + "\"kind\":\"b\"},\"outputs\":{\"probability\":0.25,\"prediction\":0}}\n"
            + "{\"request_id\":\"r6\",\"row\":0,\"timestamp\":\"2026-01-03T00:00:0");
  }

  static PredictionLog.Entry entry(String id, String time, String model, String role, int rows) {
    double[] amount = new double[rows];
    String[] kind = new String[rows];
    for (int i = 0; i < rows; i++) {
      amount[i] = 10 + i;
      kind[i] = "a";
    }
    return new PredictionLog.Entry(id, Instant.parse(time), model, "1", role, 1.5,
        Frame.of(DoubleColumn.of("amount", amount), StringColumn.of("kind", kind)),
        Frame.of(DoubleColumn.of("probability", new double[rows]),
            LongColumn.of("prediction", new long[rows])));
  }

  @Test
  void read_typesColumns_filtersRoles_andSkipsThePartialLastLine() {
    Frame f = new PredictionLogReader(logDir, PredictionLogReader.DEFAULT_ROLES)
        .read(manifest, null);
    assertThat(f.columnNames()).containsExactly("amount", "kind", "probability", "prediction",
        "request_id", "row", "timestamp", "version");
    assertThat(f.column("amount").type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(f.column("kind").type()).isEqualTo(ColumnType.STRING);
    assertThat(f.rowCount()).isEqualTo(4);
    assertThat(f.column("request_id").get(1)).isEqualTo("r1");
    assertThat(f.column("row").getDouble(1)).isEqualTo(1);
    assertThat(f.column("amount").getDouble(3)).isEqualTo(7);
    assertThat(f.column("version").get(3)).isEqualTo("2");
  }

  @Test
  void read_since_andShadowOnRequest() {
    Frame f = new PredictionLogReader(logDir, Set.of("shadow"))
        .read(manifest, Instant.parse("2026-01-01T12:00:00Z"));
    assertThat(f.rowCount()).isEqualTo(1);
    assertThat(f.column("request_id").get(0)).isEqualTo("r3");
  }

  @Test
  void read_nothingInWindow_namesFolderAndWindow() {
    PredictionLogReader reader = new PredictionLogReader(logDir, Set.of("primary"));
    assertThatThrownBy(() -> reader.read(manifest, Instant.parse("2027-01-01T00:00:00Z")))
        .hasMessageContaining("'" + logDir + "' has no entries for model 'm'")
        .hasMessageContaining("since 2027-01-01T00:00:00Z");
  }

  @Test
  void read_badLineInAClosedFile_namesFileAndLine() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("predictions-1.jsonl"), "{\"request_id\":\n");
    assertThatThrownBy(() -> new PredictionLogReader(bad, Set.of("primary")).read(manifest, null))
        .hasMessageContaining("Line 1 of '" + bad.resolve("predictions-1.jsonl") + "'");
  }
}
