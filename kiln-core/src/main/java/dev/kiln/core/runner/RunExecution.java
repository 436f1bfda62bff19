package dev.kiln.core.runner;

import dev.kiln.core.BadInputException;
import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Inputs;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.NodeContext;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineException;
import dev.kiln.core.progress.Progress;
import dev.kiln.core.progress.ProgressListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The mutable state of one run, shared by the runners: executes nodes and records what happened. */
final class RunExecution {
  private final Pipeline pipeline;
  private final DataCatalog catalog;
  private final RunContext context;
  private final Hook hook;
  private final NodeCache cache;
  private final CacheKeys keys;
  private final Map<String, NodeRun> runs = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Double>> metrics = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> remainingReaders = new HashMap<>();
  private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
  private final RunStateStore states;
  private final RunOwner owner = RunOwner.current();
  private RunLock lock;

  private RunExecution(Pipeline pipeline, DataCatalog catalog, RunContext context) {
    this.pipeline = pipeline;
    this.catalog = catalog;
    this.context = context;
    this.hook = context.hook();
    this.cache = NodeCache.open(context.stateDir());
    this.keys = new CacheKeys(catalog);
    this.states = new RunStateStore(context.stateDir());
    pipeline.nodes().forEach(n -> n.inputs().stream().map(DatasetRef::name).distinct().forEach(
        d -> remainingReaders.computeIfAbsent(d, k -> new AtomicInteger()).incrementAndGet()));
  }

  /**
   * Checks the inputs, tells hooks, takes the run's lock and writes its first state. The lock is
   * held until {@link #finish()} so that, should this process die, readers of the state know.
   */
  static RunExecution start(Pipeline pipeline, DataCatalog catalog, RunContext context) {
    InputCheck.check(pipeline, catalog);
    RunExecution execution = new RunExecution(pipeline, catalog, context);
    execution.hook.beforePipelineRun(context.info());
    execution.lock = RunLock.acquire(execution.states.runsDir(), context.info().runId());
    try {
      execution.checkpoint();
    } catch (RuntimeException e) {
      execution.lock.close();
      throw e;
    }
    return execution;
  }

  /** Runs one node; returns false if it failed. */
  boolean execute(Node node) {
    long start = System.nanoTime();
    runs.put(node.name(), new NodeRun(node.name(), NodeStatus.RUNNING, 0, null));
    checkpoint();
    try {
      String key = keys.keyOf(node);
      boolean cached = context.useCache() && isFresh(node, key);
      if (!cached) {
        runNode(node, key);
      }
      record(new NodeRun(node.name(), cached ? NodeStatus.CACHED : NodeStatus.COMPLETED,
          elapsedMs(start), null));
      releaseInputs(node);
      return true;
    } catch (Throwable e) {
      String message = describeFailure(node, e);
      errors.add(message);
      record(new NodeRun(node.name(), NodeStatus.FAILED, elapsedMs(start), message,
          NodeFailure.trace(e), BadInputException.isCause(e)));
      hook.onNodeError(node, e);
      return false;
    }
  }

  private boolean isFresh(Node node, String key) {
    if (key == null || node.outputs().isEmpty()
        || !node.outputs().stream().allMatch(o -> catalog.isPersisted(o.name())
            && catalog.dataset(o.name()).exists())) {
      return false;
    }
    Map<String, String> hashes = keys.outputHashes(node);
    if (hashes == null || !cache.isFresh(node.name(), key, hashes)) {
      return false;
    }
    node.outputs().stream().filter(o -> Metrics.class.isAssignableFrom(o.type())).forEach(o ->
        metrics.put(o.name(), ((Metrics) ValueConverter.convert(catalog.dataset(o.name()).load(),
            Metrics.class, o.name(), node.name())).values()));
    hook.afterNodeRun(node, Map.of(), true);
    return true;
  }

  private void runNode(Node node, String key) throws Exception {
    try (Progress.Scope scope = Progress.reportTo(progressOf(node))) {
      loadRunSave(node, key);
    }
  }

  /** Forwards the progress tasks the node starts on its thread to the hook, under its name. */
  private ProgressListener progressOf(Node node) {
    return new ProgressListener() {
      @Override
      public void started(Progress task) {
        hook.onProgressStart(node, task);
      }

      @Override
      public void ended(Progress task) {
        hook.onProgressEnd(node, task);
      }
    };
  }

  private void loadRunSave(Node node, String key) throws Exception {
    Map<String, Object> loaded = new LinkedHashMap<>();
    for (Node.Binding in : node.inputBindings()) {
      loaded.put(in.dataset(), load(node, in));
    }
    hook.beforeNodeRun(node, loaded);
    Outputs outputs = node.function().apply(inputsOf(node, loaded, nodeContext()));
    Map<String, Object> saved = new LinkedHashMap<>();
    for (Node.Binding out : node.outputBindings()) {
      saved.put(out.dataset(), save(node, out, outputs));
    }
    Map<String, String> hashes = keys.outputHashes(node);
    if (key != null && hashes != null && !node.outputs().isEmpty()) {
      cache.record(node.name(), key, hashes);
    }
    hook.afterNodeRun(node, saved, false);
  }

  private Object load(Node node, Node.Binding in) {
    hook.beforeDatasetLoad(in.dataset());
    Object value = ValueConverter.convert(catalog.dataset(in.dataset()).load(),
        in.declared().type(), in.dataset(), node.name());
    hook.afterDatasetLoad(in.dataset(), value);
    return value;
  }

  @SuppressWarnings("unchecked")
  private Object save(Node node, Node.Binding out, Outputs outputs) {
    Map<String, Object> values = outputs == null ? Map.of() : outputs.values();
    if (!values.containsKey(out.declared().name())) {
      throw new KilnException("Node '" + node.name() + "' did not return its output '"
          + out.declared().name() + "'.", "return it with Outputs.of(ref, value).and(...)");
    }
    Object value = values.get(out.declared().name());
    if (value instanceof Metrics m) {
      metrics.put(out.dataset(), m.values());
    }
    hook.beforeDatasetSave(out.dataset(), value);
    ((Dataset<Object>) catalog.dataset(out.dataset())).save(value);
    hook.afterDatasetSave(out.dataset(), value);
    return value;
  }

  private NodeContext nodeContext() {
    var info = context.info();
    return new NodeContext(info.runId(), info.pipeline(), info.projectDir(), info.parameters(),
        keys.datasetHashes());
  }

  private static Inputs inputsOf(Node node, Map<String, Object> loaded, NodeContext runContext) {
    Map<String, Object> byDeclared = new HashMap<>();
    node.inputBindings().forEach(b -> byDeclared.put(b.declared().name(), loaded.get(b.dataset())));
    return new Inputs() {
      @Override
      public <T> T get(DatasetRef<T> ref) {
        if (!byDeclared.containsKey(ref.name())) {
          throw new PipelineException("Node '" + node.name() + "' reads '" + ref.name()
              + "', which it did not declare as an input.", "add it to the node's inputs");
        }
        return ref.type().cast(ValueConverter.convert(byDeclared.get(ref.name()), ref.type(),
            ref.name(), node.name()));
      }

      @Override
      public NodeContext context() {
        return runContext;
      }
    };
  }

  private void releaseInputs(Node node) {
    node.inputs().stream().map(DatasetRef::name).distinct().forEach(d -> {
      if (remainingReaders.get(d).decrementAndGet() == 0) {
        catalog.release(d);
      }
    });
  }

  private void record(NodeRun run) {
    runs.put(run.name(), run);
    checkpoint();
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Persists the state as it stands, so that a crash from here on loses no finished node. */
  private synchronized void checkpoint() {
    states.save(state(PipelineRunStatus.RUNNING, null));
  }

  private String describeFailure(Node node, Throwable e) {
    String cause = e instanceof KilnException k ? k.describe() : e.toString();
    return "Node '" + node.name() + "'" + node.source().map(s -> " (" + s + ")").orElse("")
        + " failed (inputs: "
        + node.inputs().stream().map(DatasetRef::name).toList() + "): " + cause
        + NodeFailure.origin(e).map(f -> "\n  at " + NodeFailure.describe(f)).orElse("");
  }

  /**
   * Ends the run: records nodes not run and the resume point, persists, releases the run's lock,
   * then tells hooks.
   */
  RunState finish() {
    boolean failed = !errors.isEmpty();
    RunState state;
    synchronized (this) {
      try {
        state = state(failed ? PipelineRunStatus.FAILED : PipelineRunStatus.FINISHED,
            Instant.now());
        states.save(state);
      } finally {
        lock.close();
      }
    }
    hook.afterPipelineRun(context.info(), !failed);
    return state;
  }

  /**
   * Ends a run that a runner could not drive to its end (an unexpected error outside any node),
   * recording it as failed so that it can be resumed.
   */
  void abort(Throwable cause) {
    errors.add("The run stopped: " + cause);
    try {
      finish();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private RunState state(PipelineRunStatus status, Instant end) {
    List<NodeRun> nodes = pipeline.nodes().stream().map(n -> runs.getOrDefault(n.name(),
        new NodeRun(n.name(), NodeStatus.NOT_RUN, 0, null))).toList();
    Set<String> done = nodes.stream().filter(n -> n.status() == NodeStatus.COMPLETED
        || n.status() == NodeStatus.CACHED).map(NodeRun::name).collect(Collectors.toSet());
    List<String> resume = status == PipelineRunStatus.FINISHED
        ? List.of() : ResumePlanner.plan(pipeline, catalog, done);
    var info = context.info();
    return RunState.builder(info.runId(), info.pipeline(), info.env()).status(status)
        .startedAt(info.startedAt()).endedAt(end).nodes(nodes).datasetHashes(keys.datasetHashes())
        .metrics(metrics).resumeFrom(resume)
        .error(errors.isEmpty() ? null : String.join("\n", errors)).owner(owner).build();
  }
}
