package dev.kiln.core.hooks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What hooks are told about a run.
 *
 * @param runId the run id, e.g. {@code 20261123T073000Z-3f2a}
 * @param pipeline the pipeline name
 * @param env the configuration environment
 * @param projectDir the project root
 * @param nodes the node names to run, in order
 * @param parameters the run's merged parameters
 * @param startedAt when the run started
 */
public record RunInfo(String runId, String pipeline, String env, Path projectDir,
    List<String> nodes, Map<String, Object> parameters, Instant startedAt) {
  /** Copies the collections. */
  public RunInfo {
    nodes = List.copyOf(nodes);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }
}
