package dev.kiln.bench;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The pipelines of the UI benchmark's generated project, from a seeded generator: {@code small}
 * (10 nodes, the baseline) and {@code large} ({@value #NODES_PROPERTY}, default 1,000 nodes).
 * Node i writes dataset {@code d<i>} and reads one to three datasets written shortly before it,
 * so the graph is deep and wide like a real project's; nodes carry one of four tags.
 */
public final class GeneratedPipelines implements PipelineRegistry {
  /** The system property holding the node count of the {@code large} pipeline. */
  public static final String NODES_PROPERTY = "kiln.bench.nodes";
  static final String[] TAGS = {"prep", "features", "train", "report"};
  static final String[] LAYERS = {"01_raw", "02_intermediate", "03_primary", "04_feature",
      "05_model_input", "06_models", "07_model_output", "08_reporting"};
  private static final int SOURCES = 20;

  @Override
  public Map<String, Pipeline> pipelines() {
    Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    pipelines.put("small", generate("small", 10));
    pipelines.put("large", generate("large", Integer.getInteger(NODES_PROPERTY, 1000)));
    return pipelines;
  }

  /** Returns the name of the dataset node i of a pipeline writes. */
  static String output(String pipeline, int i) {
    return pipeline + "_d" + i;
  }

  /** Returns the layer folder of node i's output among n nodes. */
  static String layer(int i, int n) {
    return LAYERS[1 + (int) ((long) i * (LAYERS.length - 1) / n)];
  }

  private static Pipeline generate(String name, int n) {
    Random random = new Random(42);
    List<Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<DatasetRef<?>> inputs = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int k = 0; k < count; k++) {
        String input = i < SOURCES || random.nextInt(20) == 0
            ? name + "_raw" + random.nextInt(Math.min(SOURCES, Math.max(1, n / 5)))
            : output(name, i - 1 - random.nextInt(Math.min(i, 30)));
        if (inputs.stream().noneMatch(r -> r.name().equals(input))) {
          inputs.add(DatasetRef.of(input, Object.class));
        }
      }
      nodes.add(Node.builder(name + "_n" + i).inputs(inputs.toArray(DatasetRef[]::new))
          .outputs(DatasetRef.of(output(name, i), Object.class))
          .tags(TAGS[random.nextInt(TAGS.length)]).run(in -> Outputs.none()));
    }
    return Pipeline.of(nodes);
  }
}
