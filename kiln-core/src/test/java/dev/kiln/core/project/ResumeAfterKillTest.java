package dev.kiln.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.runner.NodeStatus;
import dev.kiln.core.runner.PipelineRunStatus;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child process running a pipeline with SIGKILL at a node boundary, then resumes with
 * {@code --from-failed}: the killed run reads as KILLED and only unfinished work reruns.
 */
class ResumeAfterKillTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "pipelines: "
        + TestRegistry.class.getName() + "\n");
    Files.writeString(dir.resolve("conf/base/catalog.yml"),
        "raw: {type: text, filepath: raw.txt}\nstaged: {type: text, filepath: staged.txt}\n"
            + "out: {type: text, filepath: out.txt}\n");
    Files.writeString(dir.resolve("conf/base/parameters.yml"), "fail: false\n");
    Files.writeString(dir.resolve("raw.txt"), "x");
  }

  private RunState killAt(String point, String node) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        PausingRunProcess.class.getName(), dir.toString(), point, node)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child reached " + point + " " + node).isEqualTo("paused");
      RunState live = new RunStateStore(dir.resolve(".kiln")).latest().orElseThrow();
      assertThat(live.status()).isEqualTo(PipelineRunStatus.RUNNING);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    return new RunStateStore(dir.resolve(".kiln")).latest().orElseThrow();
  }

  private RunState resume(List<String> ran) {
    Hook recorder = new Hook() {
      @Override
      public void beforeNodeRun(Node node, Map<String, Object> inputs) {
        ran.add(node.name());
      }
    };
    RunState resumed = ProjectRunner.run(Project.open(dir, "local", List.of()),
        RunRequest.builder("main").fromFailed(true).hooks(List.of(recorder)).build());
    assertThat(resumed.succeeded()).isTrue();
    return resumed;
  }

  @Test
  void fromFailed_killedBeforeLastNode_rerunsOnlyThatNode() throws Exception {
    RunState killed = killAt("before", "c");
    assertThat(killed.status()).isEqualTo(PipelineRunStatus.KILLED);
    assertThat(killed.nodesWith(NodeStatus.COMPLETED)).containsExactly("a", "b");
    assertThat(killed.nodesWith(NodeStatus.RUNNING)).containsExactly("c");
    assertThat(killed.resumeFrom()).containsExactly("c");

    List<String> ran = new ArrayList<>();
    resume(ran);
    assertThat(ran).containsExactly("c");
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("x-a-b-c");
  }

  @Test
  void fromFailed_killedAfterOutputSavedBeforeNodeRecorded_rerunsFromMemoryProducer()
      throws Exception {
    RunState killed = killAt("after", "b");
    assertThat(killed.nodesWith(NodeStatus.COMPLETED)).containsExactly("a");
    assertThat(killed.nodesWith(NodeStatus.RUNNING)).containsExactly("b");
    assertThat(Files.readString(dir.resolve("staged.txt"))).isEqualTo("x-a-b");
    assertThat(killed.resumeFrom()).as("b's input 'mid' was in memory").containsExactly("a");

    List<String> ran = new ArrayList<>();
    RunState resumed = resume(ran);
    assertThat(ran).as("b's output was saved whole and its cache entry written").containsExactly(
        "a", "c");
    assertThat(resumed.nodesWith(NodeStatus.CACHED)).containsExactly("b");
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("x-a-b-c");
  }

  @Test
  void fromFailed_whileOwnerAlive_refusesNamingTheProcess() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        PausingRunProcess.class.getName(), dir.toString(), "before", "b")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("paused");
      assertThatThrownBy(() -> resume(new ArrayList<>())).hasMessageContaining("is still running (pid "
          + child.pid());
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
