package dev.kiln.core.runner;

import static dev.kiln.core.runner.RunnerFixture.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
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
}
