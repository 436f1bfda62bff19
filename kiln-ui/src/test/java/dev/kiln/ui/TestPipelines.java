package dev.kiln.ui;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import java.util.Map;

/** The pipelines of the UI tests' project: layers, a namespace and tags. */
public final class TestPipelines implements PipelineRegistry {
  private static DatasetRef<Object> ref(String name) {
    return DatasetRef.of(name, Object.class);
  }

  @Override
  public Map<String, Pipeline> pipelines() {
    Pipeline p = Pipeline.of(
        Node.builder("prepare").inputs(ref("raw")).outputs(ref("features")).tags("prep")
            .run(in -> Outputs.none()),
        Node.builder("scoring.train").inputs(ref("features")).outputs(ref("scoring.model"))
            .namespace("scoring").tags("train").run(in -> Outputs.none()),
        Node.builder("scoring.report").inputs(ref("scoring.model")).outputs(ref("report"))
            .namespace("scoring").run(in -> Outputs.none()));
    return Map.of(PipelineRegistry.DEFAULT, p);
  }
}
