package dev.kiln.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.runner.NodeStatus;
import dev.kiln.core.runner.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRunnerTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "name: demo\npipelines: "
        + TestRegistry.class.getName() + "\n");
    Files.writeString(dir.resolve("conf/base/catalog.yml"),
        "raw: {type: text, filepath: raw.txt}\nstaged: {type: text, filepath: staged.txt}\n"
            + "out: {type: text, filepath: out.txt}\n");
    Files.writeString(dir.resolve("conf/base/parameters.yml"), "fail: false\n");
    Files.writeString(dir.resolve("raw.txt"), "x");
  }

  private RunState run(List<String> params, boolean fromFailed, List<Hook> hooks) {
    Project project = Project.open(dir, "local", params);
    return ProjectRunner.run(project, RunRequest.builder("main").fromFailed(fromFailed)
        .hooks(hooks).build());
  }

  @Test
  void fromFailed_resumesFromTheLostMemoryProducer_andFinishes() throws IOException {
    RunState failed = run(List.of("fail=true"), false, List.of());
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.error()).contains("Node 'b' failed").contains("injected failure");
    assertThat(failed.nodesWith(NodeStatus.NOT_RUN)).containsExactly("c");
    assertThat(failed.resumeFrom()).containsExactly("a");
    List<String> ran = new ArrayList<>();
    Hook recorder = new Hook() {
      @Override
      public void beforeNodeRun(Node node, Map<String, Object> inputs) {
        ran.add(node.name());
      }
    };
    RunState resumed = run(List.of("fail=false"), true, List.of(recorder));
    assertThat(resumed.succeeded()).isTrue();
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("x-a-b-c");
  }

  @Test
  void fromFailed_afterSuccess_refuses() {
    run(List.of(), false, List.of());
    assertThatThrownBy(() -> run(List.of(), true, List.of()))
        .hasMessageContaining("did not fail");
  }

  @Test
  void parameterOfWrongType_namesFileLineAndTypeInUserTerms() throws IOException {
    Files.writeString(dir.resolve("conf/base/parameters.yml"), "# flags\nfail: 7.5\n");
    assertThatThrownBy(() -> run(List.of(), false, List.of()))
        .hasMessageContaining("parameters.yml:2: parameter 'fail' is 7.5 (a number), expected"
            + " a true/false (read by node 'b')")
        .hasMessageNotContaining("java.lang");
    assertThat(dir.resolve("out.txt")).doesNotExist();
    assertThatThrownBy(() -> run(List.of("fail=nope"), false, List.of()))
        .hasMessageStartingWith("--params: parameter 'fail' is 'nope' (text)");
  }

  @Test
  void unknownPipeline_suggests() {
    Project project = Project.open(dir, "local", List.of());
    assertThatThrownBy(() -> project.pipeline("mian")).hasMessageContaining("'mian' not found");
    assertThat(project.pipelines()).containsKeys("main", PipelineRegistry.DEFAULT);
  }

  @Test
  void hooksFromKilnYml_areInstantiated() throws IOException {
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "pipelines: "
        + TestRegistry.class.getName() + "\nhooks: [" + CountingHook.class.getName() + "]\n");
    CountingHook.RUNS.set(0);
    run(List.of(), false, List.of());
    assertThat(CountingHook.RUNS.get()).isEqualTo(1);
  }

  @Test
  void notAProject_explains() {
    assertThatThrownBy(() -> Project.open(dir.resolve("nowhere"), "local", List.of()))
        .hasMessageContaining("is not a Kiln project");
  }

  /** A hook named in kiln.yml. */
  public static final class CountingHook implements Hook {
    static final java.util.concurrent.atomic.AtomicInteger RUNS =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void beforePipelineRun(dev.kiln.core.hooks.RunInfo run) {
      RUNS.incrementAndGet();
    }
  }
}
