package dev.kiln.ml.xgboost;

import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The process {@link XGBoostLibraryTest} starts and kills: trains and loads a small XGBoost
 * model, prints the file XGBoost's native library is mapped from, then waits to be stopped.
 */
public final class LoadXGBoostAndWait {
  private LoadXGBoostAndWait() {}

  /** Runs it. */
  public static void main(String[] args) throws Exception {
    TrainingData data = new TrainingData(new float[] {0, 1, 2, 3}, 4, List.of("x"),
        new float[] {0, 1, 2, 3}, null);
    XGBoostModel trained = (XGBoostModel) new XGBoostEstimator(Task.REGRESSION,
        Map.of("nthread", 1), 2, 0).fit(data, null);
    XGBoostModel.load(trained.toBytes(), Task.REGRESSION, List.of("x"));
    String mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .filter(line -> line.contains("xgboost4j")).map(line -> line.substring(line.indexOf('/')))
        .findFirst().orElse("none");
    System.out.println("MAPPED " + mapped);
    System.out.flush();
    Thread.sleep(120_000);
  }
}
