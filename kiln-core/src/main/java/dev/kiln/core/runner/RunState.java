package dev.kiln.core.runner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The persisted record of a run under {@code .kiln/runs/<id>.json}: per-node status and timings,
 * content hashes of the datasets read and written, metrics nodes returned, and, if it failed, the
 * nodes to resume from. The tracking module records the same facts in its store.
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
 * @param resumeFrom the {@code --from-nodes} that resume a failed run (empty otherwise)
 * @param error the failure message, or null
 */
public record RunState(String runId, String pipeline, String env, RunStatus status,
    Instant startedAt, Instant endedAt, List<NodeRun> nodes, Map<String, String> datasetHashes,
    Map<String, Map<String, Double>> metrics, List<String> resumeFrom, String error) {

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

  /** Returns the nodes with a status. */
  public List<String> nodesWith(NodeStatus wanted) {
    return nodes.stream().filter(n -> n.status() == wanted).map(NodeRun::name).toList();
  }

  /** Returns the command line arguments that resume this run, e.g. {@code --from-nodes a,b}. */
  public String resumeArguments() {
    return "--from-nodes " + String.join(",", resumeFrom);
  }
}
