package dev.kiln.core.runner;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs independent nodes at the same time on a pool of threads. A node starts as soon as all its
 * producers are done; results are the same as with {@link SequentialRunner}. After a failure no new
 * node starts, and the running ones are allowed to finish.
 */
public final class ParallelRunner implements Runner {
  private final int workers;

  /**
   * Creates a runner with a number of worker threads.
   *
   * @throws IllegalArgumentException if workers is less than 1
   */
  public ParallelRunner(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    this.workers = workers;
  }

  @Override
  public RunState run(Pipeline pipeline, DataCatalog catalog, RunContext context) {
    RunExecution execution = RunExecution.start(pipeline, catalog, context);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "kiln-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      schedule(pipeline, execution, new ExecutorCompletionService<>(pool));
    } catch (RuntimeException | Error e) {
      execution.abort(e);
      throw e;
    } finally {
      pool.shutdownNow();
    }
    return execution.finish();
  }

  private static void schedule(Pipeline pipeline, RunExecution execution,
      ExecutorCompletionService<Node> done) {
    Map<Node, Integer> pending = new HashMap<>();
    Map<String, List<Node>> consumers = new HashMap<>();
    pipeline.nodes().forEach(n -> n.inputs().forEach(i ->
        consumers.computeIfAbsent(i.name(), k -> new java.util.ArrayList<>()).add(n)));
    int running = 0;
    boolean failed = false;
    for (Node node : pipeline.nodes()) {
      int deps = (int) node.inputs().stream()
          .filter(i -> pipeline.producerOf(i.name()).isPresent()).count();
      pending.put(node, deps);
      if (deps == 0) {
        submit(done, execution, node);
        running++;
      }
    }
    while (running > 0) {
      Node finished = take(done);
      running--;
      if (finished == null) {
        failed = true;
        continue;
      }
      if (failed) {
        continue;
      }
      for (DatasetRef<?> out : finished.outputs()) {
        for (Node next : consumers.getOrDefault(out.name(), List.of())) {
          if (pending.merge(next, -1, Integer::sum) == 0) {
            submit(done, execution, next);
            running++;
          }
        }
      }
    }
  }

  private static void submit(ExecutorCompletionService<Node> done, RunExecution ex, Node node) {
    done.submit(() -> ex.execute(node) ? node : null);
  }

  private static Node take(ExecutorCompletionService<Node> done) {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for nodes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof dev.kiln.core.KilnException k) {
        throw k;
      }
      throw new IllegalStateException("Runner bug: node task threw", e.getCause());
    }
  }
}
