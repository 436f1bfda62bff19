package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorReportsTest {
  @TempDir Path dir;

  static MonitorReport report(String createdAt, boolean decayed) {
    DriftReport inputs = new DriftReport(List.of(new ColumnDrift("amount", "wasserstein~", 0.3,
        0.1, true), new ColumnDrift("kind", "jensenshannon~", 0.02, 0.1, false)), 0.5, 0.5, true);
    return new MonitorReport("fraud", "3", createdAt, "prediction log", 1000, 250,
        new DriftCheck.Result(inputs, new ColumnDrift("probability", "wasserstein~", 0.05, 0.1,
            false)), List.of(new DecayCheck.Window(Instant.parse("2026-01-01T00:00:00Z"), 40,
                "roc_auc", 0.7, 0.9, decayed), new DecayCheck.Window(
                Instant.parse("2026-01-01T01:00:00Z"), 12, "accuracy", 0.8, null, false)));
  }

  @Test
  void read_whatToJsonWrote_givesTheSameReport() throws Exception {
    MonitorReport written = report("2026-01-02T03:04:05Z", true);
    Path file = dir.resolve("r.json");
    Files.writeString(file, written.toJson());
    MonitorReport read = MonitorReport.read(file);
    assertThat(read).isEqualTo(written);
    assertThat(read.crossed()).isTrue();
    assertThat(read.decayed()).isTrue();
    assertThat(read.driftScores()).containsExactly(java.util.Map.entry("amount", 0.3),
        java.util.Map.entry("kind", 0.02), java.util.Map.entry("probability", 0.05));
  }

  @Test
  void read_reportWithoutPredictionDrift_keepsItNull() throws Exception {
    MonitorReport r = report("2026-01-02T03:04:05Z", false);
    MonitorReport noPrediction = new MonitorReport(r.model(), r.version(), r.createdAt(),
        r.current(), r.referenceRows(), r.currentRows(), new DriftCheck.Result(
            r.drift().inputs(), null), List.of());
    Path file = dir.resolve("r.json");
    Files.writeString(file, noPrediction.toJson());
    assertThat(MonitorReport.read(file)).isEqualTo(noPrediction);
    assertThat(MonitorReport.read(file).driftScores()).doesNotContainKey("probability");
  }

  @Test
  void read_notAReport_namesTheFileWithAHint() throws Exception {
    Path file = dir.resolve("latest.json");
    Files.writeString(file, "{\"dataset_drift\": true}");
    assertThatThrownBy(() -> MonitorReport.read(file)).isInstanceOf(KilnException.class)
        .hasMessageContaining("'" + file + "' is not a monitoring report")
        .satisfies(e -> assertThat(((KilnException) e).hint()).hasValueSatisfying(h -> assertThat(h).contains("rerun kiln monitor")));
  }

  @Test
  void read_badTime_isNotAReportEither() throws Exception {
    Path file = dir.resolve("latest.json");
    Files.writeString(file, report("2026-01-02T03:04:05Z", false).toJson()
        .replace("2026-01-01T01:00:00Z", "yesterday"));
    assertThatThrownBy(() -> MonitorReport.read(file)).isInstanceOf(KilnException.class)
        .hasMessageContaining("'" + file + "' is not a monitoring report: ")
        .hasMessageContaining("yesterday");
    Files.writeString(file, report("2026-01-02T03:04:05Z", false).toJson()
        .replace("2026-01-02T03:04:05Z", "today"));
    assertThatThrownBy(() -> MonitorReport.read(file)).isInstanceOf(KilnException.class)
        .hasMessageContaining("today");
  }

  @Test
  void save_writesTheTimestampedReportAndLatest_latestReadsItBack() {
    MonitorReports reports = MonitorReports.of(ProjectLayout.of(dir));
    assertThat(reports.latest("fraud")).isEmpty();
    reports.save(report("2026-01-01T00:00:00Z", false));
    Path second = reports.save(report("2026-01-02T03:04:05Z", true));
    assertThat(second).isEqualTo(dir.resolve(".kiln/monitoring/fraud/report-20260102-030405.json"));
    assertThat(dir.resolve(".kiln/monitoring/fraud/report-20260101-000000.json")).exists();
    assertThat(reports.latestFile("fraud"))
        .isEqualTo(ProjectLayout.of(dir).latestMonitorReport("fraud"));
    assertThat(reports.latest("fraud")).get().extracting(MonitorReport::createdAt)
        .isEqualTo("2026-01-02T03:04:05Z");
    assertThat(MonitorReports.sibling(second, ".html"))
        .isEqualTo(second.resolveSibling("report-20260102-030405.html"));
  }
}
