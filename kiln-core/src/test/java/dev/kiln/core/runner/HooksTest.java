package dev.kiln.core.runner;

import static dev.kiln.core.runner.RunnerFixture.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HooksTest {
  @TempDir Path dir;

  /** Records every call as text. */
  static final class Recorder implements Hook {
    final List<String> calls = new ArrayList<>();

    @Override
    public void beforePipelineRun(RunInfo run) {
      calls.add("beforePipeline");
    }

    @Override
    public void afterPipelineRun(RunInfo run, boolean ok) {
      calls.add("afterPipeline:" + ok);
    }

    @Override
    public void beforeNodeRun(Node node, Map<String, Object> inputs) {
      calls.add("beforeNode:" + node.name() + inputs.keySet());
    }

    @Override
    public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
      calls.add("afterNode:" + node.name() + outputs.keySet());
    }

    @Override
    public void onNodeError(Node node, Throwable error) {
      calls.add("error:" + node.name() + ":" + error.getMessage());
    }

    @Override
    public void beforeDatasetLoad(String dataset) {
      calls.add("beforeLoad:" + dataset);
    }

    @Override
    public void afterDatasetLoad(String dataset, Object value) {
      calls.add("afterLoad:" + dataset + "=" + value);
    }

    @Override
    public void beforeDatasetSave(String dataset, Object value) {
      calls.add("beforeSave:" + dataset);
    }

    @Override
    public void afterDatasetSave(String dataset, Object value) {
      calls.add("afterSave:" + dataset + "=" + value);
    }
  }

  @Test
  void hooks_areCalledInOrder() {
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    DatasetRef<String> a = DatasetRef.of("a", String.class);
    DatasetRef<String> b = DatasetRef.of("b", String.class);
    Recorder recorder = new Recorder();
    RunnerFixture.run(new SequentialRunner(), Pipeline.of(Node.of("one", seed, a, s -> s + "1"),
        Node.of("two", a, b, s -> s + "2")), catalog(dir, Map.of(), Map.of("seed", "s")), dir,
        recorder, true);
    assertThat(recorder.calls).containsExactly("beforePipeline",
        "beforeLoad:params:seed", "afterLoad:params:seed=s", "beforeNode:one[params:seed]",
        "beforeSave:a", "afterSave:a=s1", "afterNode:one[a]",
        "beforeLoad:a", "afterLoad:a=s1", "beforeNode:two[a]",
        "beforeSave:b", "afterSave:b=s12", "afterNode:two[b]", "afterPipeline:true");
  }

  @Test
  void onNodeError_isCalled_andPipelineEndsUnsuccessful() {
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    Recorder recorder = new Recorder();
    RunnerFixture.run(new SequentialRunner(), Pipeline.of(Node.of("bad", seed,
        DatasetRef.of("x", String.class), s -> {
          throw new IllegalArgumentException("nope");
        })), catalog(dir, Map.of(), Map.of("seed", "s")), dir, recorder, true);
    assertThat(recorder.calls).contains("error:bad:nope").endsWith("afterPipeline:false");
  }

  @Test
  void progress_tasksANodeStarts_reachTheHookUnderItsName_onEveryWorker() {
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Hook hook = new Hook() {
      @Override
      public void onProgressStart(Node node, Progress task) {
        seen.add("start:" + node.name() + ":" + task.unit() + "/" + task.total());
      }

      @Override
      public void onProgressEnd(Node node, Progress task) {
        seen.add("end:" + node.name() + ":" + task.done() + " " + task.detail());
      }
    };
    java.util.function.Function<String, String> counting = s -> {
      try (Progress rows = Progress.start("work", 3, "rows")) {
        rows.step(1);
        rows.step(2);
        rows.detail("done " + s);
      }
      return s;
    };
    RunnerFixture.run(new ParallelRunner(2), Pipeline.of(
        Node.of("left", seed, DatasetRef.of("l", String.class), counting),
        Node.of("right", seed, DatasetRef.of("r", String.class), counting)),
        catalog(dir, Map.of(), Map.of("seed", "s")), dir, hook, true);
    assertThat(seen).containsExactlyInAnyOrder("start:left:rows/3", "end:left:3 done s",
        "start:right:rows/3", "end:right:3 done s");
    try (Progress outside = Progress.start("work", 0, "rows")) {
      outside.step(5);
    }
    assertThat(seen).as("a task started outside a node reports nowhere").hasSize(4);
  }
}
