package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.DriftCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainTriggersTest {
  @TempDir Path dir;
  private Project project;

  @BeforeEach
  void project() throws Exception {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "name: cars\n");
    Files.writeString(dir.resolve("conf/base/catalog.yml"),
        "cars:\n  type: csv\n  filepath: data/cars.csv\n");
    Files.writeString(dir.resolve("data/cars.csv"), "price\n1\n");
    project = Project.open(dir, "base", List.of());
  }

  private void report(boolean drifted) {
    MonitorReports.of(project.layout()).save(new MonitorReport("cars", "1",
        Instant.now().toString(), "f.csv", 10, 10, new DriftCheck.Result(new DriftReport(
            List.of(new ColumnDrift("price", "wasserstein~", drifted ? 0.5 : 0.01, 0.1,
                drifted)), drifted ? 1 : 0, 0.5, drifted), null), List.<DecayCheck.Window>of()));
  }

  @Test
  void skipReason_noTriggers_retrains() {
    assertThat(new RetrainTriggers(project, false, null).skipReason("cars")).isEmpty();
  }

  @Test
  void skipReason_ifDrift_followsTheLatestReport() {
    RetrainTriggers triggers = new RetrainTriggers(project, true, null);
    assertThat(triggers.skipReason("cars")).hasValueSatisfying(r -> assertThat(r)
        .contains("no monitoring report at").contains("kiln monitor cars"));
    report(false);
    assertThat(triggers.skipReason("cars")).hasValueSatisfying(r -> assertThat(r)
        .contains("found no drift or decay"));
    report(true);
    assertThat(triggers.skipReason("cars")).isEmpty();
  }

  @Test
  void skipReason_ifNewData_skipsUntilTheFileChanges() throws Exception {
    RetrainTriggers triggers = new RetrainTriggers(project, false, "cars");
    assertThat(triggers.skipReason("cars")).as("never retrained").isEmpty();
    triggers.remember("cars");
    assertThat(project.layout().retrainState("cars")).isRegularFile();
    assertThat(triggers.skipReason("cars")).hasValue(
        "dataset 'cars' has not changed since the last retraining");
    Files.writeString(dir.resolve("data/cars.csv"), "price\n1\n2\n");
    assertThat(triggers.skipReason("cars")).isEmpty();
  }

  @Test
  void skipReason_ifNewDataNotInCatalog_namesIt() {
    assertThatThrownBy(() -> new RetrainTriggers(project, false, "carz").skipReason("cars"))
        .isInstanceOf(LifecycleException.class)
        .hasMessageContaining("--if-new-data names 'carz'");
  }
}
