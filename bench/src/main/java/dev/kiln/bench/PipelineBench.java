package dev.kiln.bench;

import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.runner.ParallelRunner;
import dev.kiln.core.runner.RunContext;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.Runner;
import dev.kiln.core.runner.SequentialRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds, validates and runs a pipeline of N no-op nodes (a chain of width 10) with the sequential
 * and parallel runners, and compares with the baseline of calling the same N functions directly.
 * Prints build+validate time, run time, and the per-node overhead of the runner.
 */
public final class PipelineBench {
  private PipelineBench() {}

  /** Runs the benchmark; the argument is the node count (default 10000). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = 5;
    Path dir = Files.createTempDirectory("kiln-bench");
    System.out.printf("Pipeline of %,d no-op nodes (10 parallel chains), best of %d rounds%n",
        n, rounds);
    double baseline = Timing.bestMillis(rounds, () -> baseline(n));
    double build = Timing.bestMillis(rounds, () -> build(n));
    Pipeline pipeline = build(n);
    double sequential = Timing.bestMillis(rounds, () -> run(pipeline, new SequentialRunner(), dir));
    double parallel = Timing.bestMillis(rounds, () -> run(pipeline, new ParallelRunner(2), dir));
    System.out.printf("%-34s %10.1f ms%n", "direct calls (baseline)", baseline);
    System.out.printf("%-34s %10.1f ms%n", "build + validate", build);
    System.out.printf("%-34s %10.1f ms   (%.1f us/node)%n", "run, sequential", sequential,
        sequential * 1000 / n);
    System.out.printf("%-34s %10.1f ms   (%.1f us/node)%n", "run, parallel (2 workers)", parallel,
        parallel * 1000 / n);
    System.out.printf("%-34s %10.1f ms   goal < 2000 ms%n", "build + validate + run (seq)",
        build + sequential);
    System.out.printf("runner overhead ratio vs direct calls: sequential %.0fx, parallel %.0fx%n",
        sequential / baseline, parallel / baseline);
  }

  private static Pipeline build(int n) {
    List<Node> nodes = new ArrayList<>(n);
    UnaryOperator<Integer> inc = x -> x + 1;
    for (int i = 0; i < n; i++) {
      DatasetRef<Integer> in = i < 10 ? DatasetRef.param("seed" + i, Integer.class)
          : DatasetRef.of("d" + (i - 10), Integer.class);
      DatasetRef<Integer> out = DatasetRef.of("d" + i, Integer.class);
      nodes.add(Node.of("n" + i, in, out, inc));
    }
    return Pipeline.of(nodes);
  }

  private static int baseline(int n) {
    UnaryOperator<Integer> inc = x -> x + 1;
    Integer[] values = new Integer[n];
    for (int i = 0; i < n; i++) {
      values[i] = inc.apply(i < 10 ? 0 : values[i - 10]);
    }
    return values[n - 1];
  }

  private static RunState run(Pipeline pipeline, Runner runner, Path dir) {
    Map<String, Object> seeds = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      seeds.put("seed" + i, 0);
    }
    ProjectConfig config = new ProjectConfig(dir, "bench", Map.of(), seeds, Map.of(), Map.of());
    DataCatalog data = DataCatalog.create(config, PipelineBench.class.getClassLoader(),
        DataCatalog.CatalogSettings.defaults(dir));
    RunInfo info = new RunInfo("bench", "bench", "bench", dir, List.of(), Map.of(), Instant.now());
    RunState state = runner.run(pipeline, data,
        new RunContext(info, new Hook() {}, false, ProjectLayout.of(dir).stateDir()));
    if (!state.succeeded()) {
      throw new IllegalStateException(state.error());
    }
    return state;
  }
}
