package dev.kiln.cli;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded 1,000-node pipeline ({@code large}) for the browser test of the graph page: node i
 * writes {@code d<i>} and reads one to three datasets written by the 30 nodes before it (the
 * first ones read one of ten raw files), so the graph is deep and wide like a real project's.
 */
public final class LargePipelines implements PipelineRegistry {
  static final int NODES = 1000;

  @Override
  public Map<String, Pipeline> pipelines() {
    Random random = new Random(42);
    List<Node> nodes = new ArrayList<>(NODES);
    for (int i = 0; i < NODES; i++) {
      Set<String> inputs = new LinkedHashSet<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        inputs.add(i < 10 ? "raw" + random.nextInt(10) : "d" + (i - 1 - random.nextInt(
            Math.min(i, 30))));
      }
      nodes.add(Node.builder("n" + i)
          .inputs(inputs.stream().map(n -> DatasetRef.of(n, Object.class))
              .toArray(DatasetRef[]::new))
          .outputs(DatasetRef.of("d" + i, Object.class)).run(in -> Outputs.none()));
    }
    return Map.of("large", Pipeline.of(nodes));
  }
}
