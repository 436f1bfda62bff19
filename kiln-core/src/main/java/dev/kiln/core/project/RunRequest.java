package dev.kiln.core.project;

import dev.kiln.core.hooks.Hook;
import java.util.List;
import java.util.Map;

/**
 * What to run in a project: a pipeline, its filters, and how.
 *
 * @param pipeline the pipeline name ({@value PipelineRegistry#DEFAULT} by default)
 * @param filters which nodes of it to run
 * @param workers 1 for the sequential runner, more for the parallel one
 * @param useCache whether unchanged nodes may be skipped
 * @param fromFailed resume the newest run, which must have failed
 * @param loadVersions pinned versions of versioned datasets
 * @param hooks extra hooks, called after those in {@code kiln.yml}
 */
public record RunRequest(String pipeline, NodeFilters filters, int workers, boolean useCache,
    boolean fromFailed, Map<String, String> loadVersions, List<Hook> hooks) {

  /** Copies the collections. */
  public RunRequest {
    loadVersions = Map.copyOf(loadVersions);
    hooks = List.copyOf(hooks);
  }

  /** Returns a request for the default pipeline with no filters, sequential, with caching. */
  public static RunRequest defaults() {
    return new RunRequest(PipelineRegistry.DEFAULT, NodeFilters.none(), 1, true, false, Map.of(),
        List.of());
  }
}
