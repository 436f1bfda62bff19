package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real project run (a YAML pipeline of one test node type) tracked in the project's store. */
class TrackingHookTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(conf.resolve("kiln.yml"), "name: words\ntracking:\n  artifacts: [loud]\n");
    Files.writeString(conf.resolve("catalog.yml"), """
        raw: {type: text, filepath: data/raw.txt}
        loud: {type: text, filepath: data/out/loud.txt}
        """);
    Files.writeString(conf.resolve("parameters.yml"), "shout: {fail: false}\nmodel: {depth: 3}\n");
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

  private record Tracked(RunState state, Run run, TrackingHook hook) {}

  private Tracked run(ProjectTracking tracking, List<String> params) {
    Project project = Project.open(dir, "base", params);
    TrackingHook hook = TrackingHook.forProject(project, tracking.store(), tracking.artifacts(),
        Map.of("git.commit", "abc123"));
    RunState state = ProjectRunner.run(project, RunRequest.builder("__default__").noCache()
        .hooks(List.of(hook)).build());
    return new Tracked(state, tracking.store().getRun(hook.runId()), hook);
  }

  @Test
  void projectRun_recordsParamsMetricsTagsLineageAndArtifacts() throws Exception {
    try (ProjectTracking tracking = ProjectTracking.open(Project.open(dir, "base", List.of()))) {
      Tracked t = run(tracking, List.of());
      assertThat(t.state().succeeded()).isTrue();
      Run run = t.run();
      assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(run.end()).isPresent();
      assertThat(tracking.store().getExperiment(run.experimentId()).name())
          .isEqualTo("words/__default__");
      assertThat(run.params()).containsEntry("shout.fail", "false")
          .containsEntry("model.depth", "3");
      assertThat(run.metrics().get("stats.length").value()).isEqualTo(5.0);
      assertThat(tracking.store().getMetricHistory(run.id(), "stats.steps"))
          .extracting(Metric::step, Metric::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 1.0),
              org.assertj.core.groups.Tuple.tuple(1L, 2.0));
      assertThat(run.tags()).containsEntry("git.commit", "abc123")
          .containsEntry("kiln.pipeline", "__default__").containsEntry("kiln.env", "base")
          .containsEntry("kiln.run_id", t.state().runId()).containsKey("kiln.outputs");
      assertThat(run.tags().get("kiln.outputs").split(",")).contains("loud");
      assertThat(t.hook().written()).contains("loud");
      assertThat(run.inputs()).extracting(DatasetInput::name).contains("raw", "loud")
          .doesNotContain("params:shout");
      DatasetInput raw = run.inputs().stream().filter(d -> d.name().equals("raw")).findFirst()
          .orElseThrow();
      assertThat(raw.location()).endsWith("raw.txt");
      assertThat(raw.contentHash()).isEqualTo(t.state().datasetHashes().get("raw")).isNotNull();
      List<ArtifactInfo> files = tracking.artifacts().list(run.artifactFolder());
      assertThat(files).extracting(ArtifactInfo::path).anyMatch(p -> p.endsWith("loud.txt"));
      try (InputStream in = tracking.artifacts().get(run.artifactFolder() + "/loud.txt")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
      }
    }
  }

  @Test
  void failedProjectRun_isRecordedAsFailed_withNoOutputsAndNoArtifacts() throws Exception {
    try (ProjectTracking tracking = ProjectTracking.open(Project.open(dir, "base", List.of()))) {
      Tracked t = run(tracking, List.of("shout.fail=true"));
      assertThat(t.state().succeeded()).isFalse();
      assertThat(t.run().status()).isEqualTo(RunStatus.FAILED);
      assertThat(t.run().params()).containsEntry("shout.fail", "true");
      assertThat(t.run().tags()).doesNotContainKey("kiln.outputs");
      assertThat(t.hook().written()).isEmpty();
      assertThat(tracking.artifacts().list(t.run().artifactFolder())).isEmpty();
    }
  }
}
