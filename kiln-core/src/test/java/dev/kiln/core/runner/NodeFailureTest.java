package dev.kiln.core.runner;

import static dev.kiln.core.runner.RunnerFixture.catalog;
import static dev.kiln.core.runner.RunnerFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import acme.ChurnNodes;
import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure in the project's own node names its file and line and keeps its trace. */
class NodeFailureTest {
  @TempDir Path dir;

  private RunState runWith(Node node) {
    return run(new SequentialRunner(), Pipeline.of(node),
        catalog(dir, Map.of(), Map.of("value", "bad")), dir);
  }

  @Test
  void run_exceptionInProjectCode_namesItsLineAndStoresTheTraceOwnFramesFirst() {
    RunState state = runWith(Node.of("clean", DatasetRef.param("value", String.class),
        DatasetRef.of("cleaned", String.class), ChurnNodes::clean));
    assertThat(state.error()).contains("cannot parse 'bad'")
        .containsPattern("\n  at ChurnNodes\\.java:\\d+ \\(acme\\.ChurnNodes\\.parse\\)");
    NodeRun failed = state.nodes().get(0);
    assertThat(failed.trace()).startsWith("Project frames:\n\tat acme.ChurnNodes.parse(")
        .contains("\n\tat acme.ChurnNodes.clean(").contains("Full trace:\n")
        .contains("java.lang.IllegalArgumentException: cannot parse 'bad'");
    String ownPart = failed.trace().substring(0, failed.trace().indexOf("Full trace:"));
    assertThat(ownPart).doesNotContain("dev.kiln.").doesNotContain("org.junit");
    RunState stored = new RunStateStore(dir.resolve(".kiln")).list().stream()
        .filter(s -> s.runId().equals(state.runId())).findFirst().orElseThrow();
    assertThat(stored.nodes().get(0).trace()).isEqualTo(failed.trace());
  }

  @Test
  void run_kilnErrorWithoutProjectFrames_keepsMessageOnly() {
    RunState state = runWith(Node.of("clean", DatasetRef.param("value", String.class),
        DatasetRef.of("cleaned", String.class), v -> {
          throw new KilnException("Column 'x' is missing.", "add it");
        }));
    assertThat(state.error()).contains("Column 'x' is missing.").doesNotContain("\n  at ");
    assertThat(state.nodes().get(0).trace()).isNull();
  }
}
