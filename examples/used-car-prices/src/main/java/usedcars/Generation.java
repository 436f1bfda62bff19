package usedcars;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.Frame;
import java.util.List;
import java.util.Map;

/** The generator node: one batch of listings and the record of its injected defects. */
public final class Generation {
  private Generation() {}

  /** Generates a batch into {@code cars} and describes it in {@code report}. */
  public static Outputs generate(BatchOptions options, int listingYear, DatasetRef<Frame> cars,
      DatasetRef<GenerationReport> report) {
    ListingColumns rows = ListingGenerator.generate(options, listingYear);
    Map<String, List<Long>> injected = BadRows.inject(rows, options.badShare(), listingYear,
        options.seed());
    int bad = injected.values().stream().mapToInt(List::size).sum();
    System.out.printf("Generated %,d listings (%s market, %d with a defect)%n", rows.rows(),
        options.market(), bad);
    return Outputs.of(cars, rows.toFrame())
        .and(report, new GenerationReport(options, listingYear, bad, injected));
  }
}
