package dev.kiln.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectLayoutTest {
  private final Path project = Path.of("/work/fraud");
  private final ProjectLayout layout = ProjectLayout.of(project);

  @Test
  void of_projectFolder_keepsStateUnderDotKiln() {
    assertThat(layout.stateDir()).isEqualTo(project.resolve(".kiln"));
  }

  /** Existing projects hold these files: renaming one would orphan users' runs and models. */
  @Test
  void paths_matchTheLayoutExistingProjectsHaveOnDisk() {
    Path s = project.resolve(".kiln");
    assertThat(layout.runsDir()).isEqualTo(s.resolve("runs"));
    assertThat(layout.nodeCache()).isEqualTo(s.resolve("cache.json"));
    assertThat(layout.classesDir()).isEqualTo(s.resolve("classes"));
    assertThat(layout.trackingDb()).isEqualTo(s.resolve("tracking.db"));
    assertThat(layout.artifactsDir()).isEqualTo(s.resolve("artifacts"));
    assertThat(layout.predictionsDir()).isEqualTo(s.resolve("predictions"));
    assertThat(layout.monitoringDir()).isEqualTo(s.resolve("monitoring"));
    assertThat(layout.latestMonitorReport("cars"))
        .isEqualTo(s.resolve("monitoring/cars/latest.json"));
    assertThat(layout.servingCacheDir()).isEqualTo(s.resolve("serving-cache"));
    assertThat(layout.retrainState("cars")).isEqualTo(s.resolve("retrain/cars.json"));
    assertThat(layout.shellStartup()).isEqualTo(s.resolve("shell/startup.jsh"));
  }

  @Test
  void stateDir_givenDirectly_anchorsEveryPath() {
    ProjectLayout elsewhere = new ProjectLayout(Path.of("/tmp/state"));
    assertThat(elsewhere.runsDir()).isEqualTo(Path.of("/tmp/state/runs"));
    assertThat(elsewhere.monitoringDir("m")).isEqualTo(Path.of("/tmp/state/monitoring/m"));
  }
}
