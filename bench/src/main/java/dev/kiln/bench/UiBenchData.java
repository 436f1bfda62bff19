package dev.kiln.bench;

import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.TrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The UI benchmark's generated data: a project over {@link GeneratedPipelines}, seeded runs. */
final class UiBenchData {
  private UiBenchData() {}

  /**
   * Writes a project whose pipelines are {@link GeneratedPipelines} and whose catalog puts each
   * dataset of the {@code large} pipeline in a Kedro layer folder (the files need not exist).
   */
  static Path project(Path dir, int nodes) throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"),
        "name: ui-bench\npipelines: " + GeneratedPipelines.class.getName() + "\n");
    StringBuilder catalog = new StringBuilder();
    for (int i = 0; i < nodes; i++) {
      catalog.append(GeneratedPipelines.output("large", i)).append(":\n  type: parquet\n")
          .append("  filepath: data/").append(GeneratedPipelines.layer(i, nodes)).append('/')
          .append(GeneratedPipelines.output("large", i)).append(".parquet\n");
    }
    for (int i = 0; i < 20; i++) {
      catalog.append("large_raw").append(i).append(":\n  type: csv\n  filepath: data/01_raw/raw")
          .append(i).append(".csv\n");
    }
    Files.writeString(dir.resolve("conf/base/catalog.yml"), catalog);
    return dir;
  }

  /**
   * Logs {@code count} finished runs with three params and two metrics each, from a seeded
   * generator (so a filter matches the same runs every time).
   */
  static void runs(TrackingStore store, int count) {
    String experiment = store.createExperiment("ui-bench/__default__", Map.of()).id();
    Random random = new Random(7);
    long start = 1_700_000_000_000L;
    for (int i = 0; i < count; i++) {
      String id = store.createRun(experiment, "run-" + i, Map.of()).id();
      double auc = 0.7 + 0.3 * random.nextDouble();
      store.logBatch(id, new LogBatch(List.of(new Metric("roc_auc", auc, start + i, 0),
          new Metric("log_loss", 1 - auc + random.nextDouble() / 10, start + i, 0)),
          Map.of("model.params.max_depth", Integer.toString(3 + random.nextInt(6)),
              "model.params.eta", Double.toString(0.05 * (1 + random.nextInt(6))),
              "split.seed", Integer.toString(random.nextInt(100))), Map.of()));
      store.updateRun(id, RunStatus.FINISHED, start + i + 60_000);
    }
  }
}
