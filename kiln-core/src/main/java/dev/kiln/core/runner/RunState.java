package dev.kiln.core.runner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The persisted record of a run under {@code .kiln/runs/<id>.json}: per-node status and timings,
 * content hashes of the datasets read and written, metrics nodes returned, and the nodes to resume
 * from should it stop. It is rewritten as each node starts and ends, so it survives a crash of the
 * process running it. The tracking module records the same facts in its store. Build one with
 * {@link #builder(String, String, String)}; the canonical constructor is the JSON shape.
 *
 * @param runId the run id
 * @param pipeline the pipeline name
 * @param env the configuration environment
 * @param status the outcome
 * @param startedAt start time
 * @param endedAt end time, or null while running
 * @param nodes the nodes in run order
 * @param datasetHashes SHA-256 of each hashable dataset read or written, by name
 * @param metrics metrics returned by nodes, by dataset name then metric name
 * @param resumeFrom the {@code --from-nodes} that resume the run if it fails or is killed (empty
 *     once it finished)
 * @param error the failure message, or null
 * @param owner the process that runs it, or null in older state files
 */
public record RunState(String runId, String pipeline, String env, PipelineRunStatus status,
    Instant startedAt, Instant endedAt, List<NodeRun> nodes, Map<String, String> datasetHashes,
    Map<String, Map<String, Double>> metrics, List<String> resumeFrom, String error,
    RunOwner owner) {

  /** Copies the collections. */
  public RunState {
    nodes = List.copyOf(nodes);
    datasetHashes = Map.copyOf(datasetHashes);
    metrics = Map.copyOf(metrics);
    resumeFrom = List.copyOf(resumeFrom);
  }

  /** Returns whether every node completed or was cached. */
  public boolean succeeded() {
    return status == PipelineRunStatus.FINISHED;
  }

  /** Returns whether a node failed on bad input (data, configuration or parameters). */
  public boolean failedOnBadInput() {
    return nodes.stream().anyMatch(n -> n.status() == NodeStatus.FAILED && n.badInput());
  }

  /** Returns whether {@code --from-failed} can resume it: it failed or was killed. */
  public boolean resumable() {
    return status == PipelineRunStatus.FAILED || status == PipelineRunStatus.KILLED;
  }

  /** Returns the nodes with a status. */
  public List<String> nodesWith(NodeStatus wanted) {
    return nodes.stream().filter(n -> n.status() == wanted).map(NodeRun::name).toList();
  }

  /** Returns the command line arguments that resume this run, e.g. {@code --from-nodes a,b}. */
  public String resumeArguments() {
    return "--from-nodes " + String.join(",", resumeFrom);
  }

  /**
   * Returns this running state as it reads once its owner is known to be dead: {@link
   * PipelineRunStatus#KILLED}, ended when it was last written, the nodes that were running named.
   */
  RunState killed(Instant lastWritten) {
    List<String> running = nodesWith(NodeStatus.RUNNING);
    String message = "The process that ran it (" + (owner == null ? "unknown" : owner.describe())
        + ") stopped before the run ended (killed, out of memory or power loss)"
        + (running.isEmpty() ? "." : "; running then: " + running + ".");
    return toBuilder().status(PipelineRunStatus.KILLED).endedAt(lastWritten).error(message)
        .build();
  }

  /**
   * Starts a state of a run: {@link PipelineRunStatus#RUNNING}, not started or ended, no nodes,
   * hashes, metrics, resume nodes, error or owner until set.
   */
  public static Builder builder(String runId, String pipeline, String env) {
    return new Builder(runId, pipeline, env);
  }

  /** Returns a builder holding this state's values. */
  public Builder toBuilder() {
    return builder(runId, pipeline, env).status(status).startedAt(startedAt).endedAt(endedAt)
        .nodes(nodes).datasetHashes(datasetHashes).metrics(metrics).resumeFrom(resumeFrom)
        .error(error).owner(owner);
  }

  /** Builds a {@link RunState}; each setter names the field it sets. */
  public static final class Builder {
    private final String runId;
    private final String pipeline;
    private final String env;
    private PipelineRunStatus status = PipelineRunStatus.RUNNING;
    private Instant startedAt;
    private Instant endedAt;
    private List<NodeRun> nodes = List.of();
    private Map<String, String> datasetHashes = Map.of();
    private Map<String, Map<String, Double>> metrics = Map.of();
    private List<String> resumeFrom = List.of();
    private String error;
    private RunOwner owner;

    private Builder(String runId, String pipeline, String env) {
      this.runId = runId;
      this.pipeline = pipeline;
      this.env = env;
    }

    /** Sets the status. */
    public Builder status(PipelineRunStatus value) {
      this.status = value;
      return this;
    }

    /** Sets the start time. */
    public Builder startedAt(Instant value) {
      this.startedAt = value;
      return this;
    }

    /** Sets the end time (null while running). */
    public Builder endedAt(Instant value) {
      this.endedAt = value;
      return this;
    }

    /** Sets the nodes, in run order. */
    public Builder nodes(List<NodeRun> value) {
      this.nodes = value;
      return this;
    }

    /** Sets the content hashes of the datasets read or written, by name. */
    public Builder datasetHashes(Map<String, String> value) {
      this.datasetHashes = value;
      return this;
    }

    /** Sets the metrics nodes returned, by dataset name then metric name. */
    public Builder metrics(Map<String, Map<String, Double>> value) {
      this.metrics = value;
      return this;
    }

    /** Sets the nodes a {@code --from-nodes} resumes from. */
    public Builder resumeFrom(List<String> value) {
      this.resumeFrom = value;
      return this;
    }

    /** Sets the failure message (null when none failed). */
    public Builder error(String value) {
      this.error = value;
      return this;
    }

    /** Sets the process that runs it. */
    public Builder owner(RunOwner value) {
      this.owner = value;
      return this;
    }

    /** Returns the state. */
    public RunState build() {
      return new RunState(runId, pipeline, env, status, startedAt, endedAt, nodes, datasetHashes,
          metrics, resumeFrom, error, owner);
    }
  }
}
