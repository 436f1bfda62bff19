package dev.kiln.core.runner;

import static dev.kiln.core.runner.RunnerFixture.catalog;
import static dev.kiln.core.runner.RunnerFixture.run;
import static dev.kiln.core.runner.RunnerFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTest {
  static final DatasetRef<String> RAW = DatasetRef.of("raw", String.class);
  static final DatasetRef<String> MID = DatasetRef.of("mid", String.class);
  static final DatasetRef<String> OUT = DatasetRef.of("out", String.class);
  static final DatasetRef<String> SUFFIX = DatasetRef.param("suffix", String.class);
  static final Map<String, Object> ENTRIES = Map.of(
      "raw", Map.of("type", "text", "filepath", "raw.txt"),
      "out", Map.of("type", "text", "filepath", "out.txt"));

  @TempDir Path dir;

  private static Pipeline pipeline(String version) {
    return Pipeline.of(Node.of("upper", RAW, MID, String::toUpperCase),
        Node.builder("finish").inputs(MID, SUFFIX).outputs(OUT).version(version)
            .run(in -> dev.kiln.core.pipeline.Outputs.of(OUT, in.get(MID) + in.get(SUFFIX))));
  }

  private RunState run(Pipeline p, String suffix, boolean cache) {
    DataCatalog c = catalog(dir, ENTRIES, Map.of("suffix", suffix));
    return RunnerFixture.run(new SequentialRunner(), p, c, dir, new Hook() {}, cache);
  }

  @BeforeEach
  void writeInput() throws Exception {
    Files.writeString(dir.resolve("raw.txt"), "abc");
  }

  @Test
  void unchanged_isSkipped_changedInputRuns() throws Exception {
    assertThat(statuses(run(pipeline("1"), "!", true))).containsExactly("upper=COMPLETED",
        "finish=COMPLETED");
    assertThat(statuses(run(pipeline("1"), "!", true))).containsExactly("upper=COMPLETED",
        "finish=CACHED");
    Files.writeString(dir.resolve("raw.txt"), "xyz");
    assertThat(statuses(run(pipeline("1"), "!", true))).contains("finish=COMPLETED");
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("XYZ!");
  }

  @Test
  void changedParam_codeVersion_orNoCache_rerun() {
    run(pipeline("1"), "!", true);
    assertThat(statuses(run(pipeline("1"), "?", true))).contains("finish=COMPLETED");
    assertThat(statuses(run(pipeline("2"), "?", true))).contains("finish=COMPLETED");
    assertThat(statuses(run(pipeline("2"), "?", true))).contains("finish=CACHED");
    assertThat(statuses(run(pipeline("2"), "?", false))).contains("finish=COMPLETED");
  }

  @Test
  void deletedOrModifiedOutput_reruns() throws Exception {
    run(pipeline("1"), "!", true);
    Files.delete(dir.resolve("out.txt"));
    assertThat(statuses(run(pipeline("1"), "!", true))).contains("finish=COMPLETED");
    Files.writeString(dir.resolve("out.txt"), "tampered");
    assertThat(statuses(run(pipeline("1"), "!", true))).contains("finish=COMPLETED");
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("ABC!");
  }

  @Test
  void runState_isPersistedWithHashes() {
    RunState state = run(pipeline("1"), "!", true);
    RunState stored = new RunStateStore(dir.resolve(".kiln")).latest().orElseThrow();
    assertThat(stored.runId()).isEqualTo(state.runId());
    assertThat(stored.datasetHashes()).containsKeys("raw", "out");
    assertThat(stored.status()).isEqualTo(PipelineRunStatus.FINISHED);
  }
}
