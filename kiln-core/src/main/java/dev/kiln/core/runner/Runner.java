package dev.kiln.core.runner;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.Pipeline;

/** Runs a pipeline's nodes against a catalog. */
public interface Runner {
  /**
   * Runs the pipeline. A node failure does not throw: the returned state is {@link
   * PipelineRunStatus#FAILED}, names the failed node and gives the nodes to resume from; call
   * {@link RunState#succeeded()}.
   *
   * @throws dev.kiln.core.KilnException if the pipeline cannot start: an input is missing from
   *     the catalog, a dataset's type does not match a node, or a parameter is undefined
   */
  RunState run(Pipeline pipeline, DataCatalog catalog, RunContext context);
}
