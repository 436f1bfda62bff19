package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.project.Project;
import dev.kiln.core.project.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProjectTracking#run}: a tracked project run that registers the bundles it wrote. */
class TrackedRunTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(conf.resolve("kiln.yml"), "name: words\nregister:\n  loud: words-model\n");
    Files.writeString(conf.resolve("catalog.yml"), """
        raw: {type: text, filepath: data/raw.txt}
        loud: {type: text_folder, filepath: data/bundle}
        """);
    Files.writeString(conf.resolve("parameters.yml"), "shout: {fail: false}\n");
    Files.writeString(conf.resolve("pipelines.yml"), """
        __default__:
          nodes:
            shout:
              type: shout
              inputs: {text: raw}
              outputs: {text: loud, stats: stats}
              params: params:shout
        """);
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/raw.txt"), "hello");
  }

  @Test
  void run_succeeded_registersTheWrittenBundleAsAVersionOfTheTrackedRun() {
    Project project = Project.open(dir, "base", List.of());
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      ProjectTracking.TrackedRun run = tracking.run(project, RunRequest.defaults(),
          Map.of("git.commit", "abc"));
      assertThat(run.state().succeeded()).isTrue();
      assertThat(tracking.store().getRun(run.runId()).tags()).containsEntry("git.commit", "abc");
      assertThat(run.registered()).containsOnlyKeys("loud");
      ModelVersion v = run.registered().get("loud");
      assertThat(v.name()).isEqualTo("words-model");
      assertThat(v.version()).isEqualTo(1);
      assertThat(v.runId()).isEqualTo(run.runId());
      assertThat(v.tags()).containsEntry("kiln.registered_by", "run");
      assertThat(tracking.registry().resolve("words-model").version()).isEqualTo(1);
    }
  }

  @Test
  void run_failed_registersNothing() {
    Project failing = Project.open(dir, "base", List.of("shout.fail=true"));
    try (ProjectTracking tracking = ProjectTracking.open(failing)) {
      ProjectTracking.TrackedRun failed = tracking.run(failing, RunRequest.defaults(), Map.of());
      assertThat(failed.state().succeeded()).isFalse();
      assertThat(failed.registered()).isEmpty();
      assertThat(tracking.store().searchRegisteredModels(SearchRequest.of("")).items())
          .isEmpty();
    }
  }

  @Test
  void run_registeredDatasetWithoutFilepath_isNamed() throws Exception {
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "name: words\nregister:\n  stats: m\n");
    Project project = Project.open(dir, "base", List.of());
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      assertThatThrownBy(() -> tracking.run(project, RunRequest.defaults(), Map.of()))
          .hasMessageContaining("kiln.yml registers dataset 'stats', which has no filepath");
    }
  }
}
