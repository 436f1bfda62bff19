package dev.kiln.core.project;

import dev.kiln.core.hooks.Hook;
import java.util.List;
import java.util.Map;

/**
 * What to run in a project: a pipeline, its filters, and how. Build one with {@link
 * #builder(String)}; unset options keep their defaults (all nodes, sequential, with caching).
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

  /** Returns this request with more hooks, called after this request's own. */
  public RunRequest withMoreHooks(List<Hook> extra) {
    List<Hook> all = new java.util.ArrayList<>(hooks);
    all.addAll(extra);
    return new RunRequest(pipeline, filters, workers, useCache, fromFailed, loadVersions, all);
  }

  /** Returns a request for the default pipeline with no filters, sequential, with caching. */
  public static RunRequest defaults() {
    return builder(PipelineRegistry.DEFAULT).build();
  }

  /** Starts a request for a pipeline: all nodes, sequential, with caching, no extra hooks. */
  public static Builder builder(String pipeline) {
    return new Builder(pipeline);
  }

  /** Builds a {@link RunRequest}. */
  public static final class Builder {
    private final String pipeline;
    private NodeFilters filters = NodeFilters.none();
    private int workers = 1;
    private boolean useCache = true;
    private boolean fromFailed;
    private Map<String, String> loadVersions = Map.of();
    private List<Hook> hooks = List.of();

    private Builder(String pipeline) {
      this.pipeline = pipeline;
    }

    /** Runs only the nodes these filters select. */
    public Builder filters(NodeFilters selection) {
      this.filters = selection;
      return this;
    }

    /** Runs on this many worker threads; more than 1 uses the parallel runner. */
    public Builder workers(int threads) {
      this.workers = threads;
      return this;
    }

    /** Runs every node, even those whose inputs, parameters and code are unchanged. */
    public Builder noCache() {
      this.useCache = false;
      return this;
    }

    /** Sets whether unchanged nodes may be skipped (default true). */
    public Builder useCache(boolean skipUnchanged) {
      this.useCache = skipUnchanged;
      return this;
    }

    /** Sets whether to resume the newest run, which must have failed (default false). */
    public Builder fromFailed(boolean resume) {
      this.fromFailed = resume;
      return this;
    }

    /** Loads these pinned versions of versioned datasets (dataset name to version). */
    public Builder loadVersions(Map<String, String> versions) {
      this.loadVersions = versions;
      return this;
    }

    /** Calls these hooks too, after those in {@code kiln.yml}. */
    public Builder hooks(List<Hook> extra) {
      this.hooks = extra;
      return this;
    }

    /** Returns the request. */
    public RunRequest build() {
      return new RunRequest(pipeline, filters, workers, useCache, fromFailed, loadVersions,
          hooks);
    }
  }
}
