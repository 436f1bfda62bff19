package usedcars;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate} pipeline (three batches of listings): the only Java pipeline of the
 * project; the others are declared in {@code conf/base/pipelines.yml} from built-in nodes.
 */
public final class Pipelines implements PipelineRegistry {
  static final DatasetRef<Integer> LISTING_YEAR = DatasetRef.param("generate.listing_year",
      Integer.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    return Map.of("generate", generate());
  }

  /** One node per batch: {@code cars_batchN} and its {@code cars_batchN_generation} report. */
  private static Pipeline generate() {
    List<Node> nodes = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      DatasetRef<BatchOptions> options = DatasetRef.param("generate.batch" + n,
          BatchOptions.class);
      DatasetRef<Frame> cars = DatasetRef.of("cars_batch" + n, Frame.class);
      DatasetRef<GenerationReport> report = DatasetRef.of("cars_batch" + n + "_generation",
          GenerationReport.class);
      nodes.add(Node.builder("generate_batch" + n).inputs(options, LISTING_YEAR)
          .outputs(cars, report).tags("generate")
          .run(in -> Generation.generate(in.get(options), in.get(LISTING_YEAR), cars, report)));
    }
    return Pipeline.of(nodes);
  }
}
