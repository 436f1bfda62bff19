package dev.kiln.core.runner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The persisted record of a run under {@code .kiln/runs/<id>.json}: per-node status and timings,
 * content hashes of the datasets read and written, metrics nodes returned, and the nodes to resume
 * from should it stop. It is rewritten as each node starts and ends, so it survives a crash of the
 * process running it. The tracking module records the same facts in its store.
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
public record RunState(String runId, String pipeline, String env, RunStatus status,
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
    return status == RunStatus.FINISHED;
  }

  /** Returns whether a node failed on bad input (data, configuration or parameters). */
  public boolean failedOnBadInput() {
    return nodes.stream().anyMatch(n -> n.status() == NodeStatus.FAILED && n.badInput());
  }

  /** Returns whether {@code --from-failed} can resume it: it failed or was killed. */
  public boolean resumable() {
    return status == RunStatus.FAILED || status == RunStatus.KILLED;
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
   * RunStatus#KILLED}, ended when it was last written, the nodes that were running named.
   */
  RunState killed(Instant lastWritten) {
    List<String> running = nodesWith(NodeStatus.RUNNING);
    String message = "The process that ran it (" + (owner == null ? "unknown" : owner.describe())
        + ") stopped before the run ended (killed, out of memory or power loss)"
        + (running.isEmpty() ? "." : "; running then: " + running + ".");
    return new RunState(runId, pipeline, env, RunStatus.KILLED, startedAt, lastWritten, nodes,
        datasetHashes, metrics, resumeFrom, message, owner);
  }
}
