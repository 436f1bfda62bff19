package dev.kiln.core.runner;

import static dev.kiln.core.runner.RunnerFixture.catalog;
import static dev.kiln.core.runner.RunnerFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
  @TempDir Path dir;

  /** A random DAG: node i reads 0-3 outputs of earlier nodes (or the seed) and hashes them. */
  private static Pipeline randomDag(Random random, int size) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<DatasetRef<?>> inputs = new ArrayList<>();
      int fanIn = i == 0 ? 0 : random.nextInt(4);
      for (int k = 0; k < fanIn; k++) {
        DatasetRef<String> in = DatasetRef.of("d" + random.nextInt(i), String.class);
        if (!inputs.contains(in)) {
          inputs.add(in);
        }
      }
      if (inputs.isEmpty()) {
        inputs.add(DatasetRef.param("seed", String.class));
      }
      DatasetRef<String> out = DatasetRef.of("d" + i, String.class);
      String name = "n" + i;
      nodes.add(Node.builder(name).inputs(inputs.toArray(DatasetRef[]::new)).outputs(out)
          .run(in -> {
            StringBuilder s = new StringBuilder(name);
            inputs.forEach(r -> s.append('|').append(in.get(r).hashCode()));
            return Outputs.of(out, Integer.toHexString(s.toString().hashCode()));
          }));
    }
    return Pipeline.of(nodes);
  }

  private Map<String, Object> outputsOf(Pipeline p, Runner runner) {
    DataCatalog c = catalog(dir, Map.of(), Map.of("seed", "s"));
    RunState state = run(runner, p, c, dir);
    assertThat(state.succeeded()).as(state.error()).isTrue();
    Map<String, Object> values = new TreeMap<>();
    p.outputs().forEach(o -> values.put(o, c.dataset(o).load()));
    return values;
  }

  @Test
  void parallel_equalsSequential_onRandomDags() {
    Random random = new Random(42);
    for (int trial = 0; trial < 40; trial++) {
      Pipeline p = randomDag(random, 20 + random.nextInt(40));
      assertThat(outputsOf(p, new ParallelRunner(4)))
          .isEqualTo(outputsOf(p, new SequentialRunner())).isNotEmpty();
    }
  }

  @Test
  void parallel_runsIndependentNodesConcurrently() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    Node a = Node.of("a", seed, DatasetRef.of("a_out", String.class), s -> waitFor(bothStarted));
    Node b = Node.of("b", seed, DatasetRef.of("b_out", String.class), s -> waitFor(bothStarted));
    RunState state = run(new ParallelRunner(2), Pipeline.of(a, b),
        catalog(dir, Map.of(), Map.of("seed", "s")), dir);
    assertThat(state.succeeded()).as(state.error()).isTrue();
  }

  private static String waitFor(CountDownLatch latch) {
    latch.countDown();
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other node never started: runner is not concurrent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "ok";
  }

  @Test
  void memoryDatasets_releasedAfterLastReader() {
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    DatasetRef<String> mid = DatasetRef.of("mid", String.class);
    DatasetRef<String> out = DatasetRef.of("out", String.class);
    DataCatalog c = catalog(dir, Map.of(), Map.of("seed", "s"));
    List<Boolean> midAliveAfterConsumer = new ArrayList<>();
    Hook hook = new Hook() {
      @Override
      public void afterPipelineRun(dev.kiln.core.hooks.RunInfo run, boolean ok) {
        midAliveAfterConsumer.add(c.dataset("mid").exists());
      }
    };
    RunState state = run(new SequentialRunner(), Pipeline.of(Node.of("a", seed, mid, s -> s + "1"),
        Node.of("b", mid, out, s -> s + "2")), c, dir, hook, true);
    assertThat(state.succeeded()).isTrue();
    assertThat(midAliveAfterConsumer).containsExactly(false);
    assertThat(c.dataset("out").load()).isEqualTo("s12");
  }

  @Test
  void failure_namesNodeAndInputs_listsNotRun_andPlansResume() {
    DatasetRef<String> seed = DatasetRef.param("seed", String.class);
    DatasetRef<String> mid = DatasetRef.of("mid", String.class);
    DatasetRef<String> kept = DatasetRef.of("kept", String.class);
    Pipeline p = Pipeline.of(Node.of("a", seed, mid, s -> s),
        Node.of("b", mid, kept, s -> s),
        Node.of("c", mid, kept, DatasetRef.of("out", String.class), (m, k) -> {
          throw new IllegalStateException("boom");
        }),
        Node.of("d", DatasetRef.of("out", String.class), DatasetRef.of("end", String.class),
            s -> s));
    DataCatalog c = catalog(dir, Map.of("kept", Map.of("type", "text", "filepath", "k.txt")),
        Map.of("seed", "s"));
    RunState state = run(new SequentialRunner(), p, c, dir);
    assertThat(state.succeeded()).isFalse();
    assertThat(state.error()).contains("Node 'c' failed (inputs: [mid, kept])").contains("boom");
    assertThat(state.nodesWith(NodeStatus.NOT_RUN)).containsExactly("d");
    assertThat(state.resumeFrom()).containsExactly("a");
    assertThat(state.resumeArguments()).isEqualTo("--from-nodes a");
  }

  @Test
  void missingInput_isReportedBeforeAnythingRuns() {
    Pipeline p = Pipeline.of(Node.of("a", DatasetRef.of("raw", String.class),
        DatasetRef.of("x", String.class), s -> s));
    assertThatThrownBy(() -> run(new SequentialRunner(), p, catalog(dir, Map.of(), Map.of()), dir))
        .hasMessageContaining("'raw' read by [node 'a']");
  }

  @Test
  void catalogTypeMismatch_isReportedBeforeAnythingRuns() {
    Pipeline p = Pipeline.of(Node.of("a", DatasetRef.of("raw", byte[].class),
        DatasetRef.of("x", String.class), b -> "x"));
    DataCatalog c = catalog(dir, Map.of("raw", Map.of("type", "text", "filepath", "r.txt")),
        Map.of());
    assertThatThrownBy(() -> run(new SequentialRunner(), p, c, dir))
        .hasMessageContaining("Type mismatch on dataset 'raw'");
  }

  @Test
  void missingOutput_failsTheNodeWithHint() {
    Pipeline p = Pipeline.of(Node.builder("a").inputs(DatasetRef.param("seed", String.class))
        .outputs(DatasetRef.of("x", String.class)).run(in -> Outputs.none()));
    RunState state = run(new SequentialRunner(), p, catalog(dir, Map.of(), Map.of("seed", "s")),
        dir);
    assertThat(state.error()).contains("did not return its output 'x'");
  }
}
