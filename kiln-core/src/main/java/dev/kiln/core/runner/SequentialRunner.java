package dev.kiln.core.runner;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;

/** Runs nodes one at a time in topological order. */
public final class SequentialRunner implements Runner {
  @Override
  public RunState run(Pipeline pipeline, DataCatalog catalog, RunContext context) {
    RunExecution execution = RunExecution.start(pipeline, catalog, context);
    try {
      for (Node node : pipeline.nodes()) {
        if (!execution.execute(node)) {
          break;
        }
      }
    } catch (RuntimeException | Error e) {
      execution.abort(e);
      throw e;
    }
    return execution.finish();
  }
}
