package dev.kiln.core.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a running node may know about its run, for lineage: the run id, pipeline, project folder,
 * the run's parameters and the content hashes of the persisted datasets read so far.
 *
 * @param runId the run id, or null outside a run
 * @param pipeline the pipeline name, or null
 * @param projectDir the project root, or null
 * @param parameters the run's merged parameters
 * @param datasetHashes SHA-256 of the persisted datasets seen so far, by name
 */
public record NodeContext(String runId, String pipeline, Path projectDir,
    Map<String, Object> parameters, Map<String, String> datasetHashes) {

  /** Copies the maps. */
  public NodeContext {
    parameters = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    datasetHashes = Collections.unmodifiableMap(new TreeMap<>(datasetHashes));
  }

  /** Returns the context of a node called outside any run (e.g. in a unit test). */
  public static NodeContext none() {
    return new NodeContext(null, null, null, Map.of(), Map.of());
  }
}
