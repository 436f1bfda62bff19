package dev.kiln.cli;

import dev.kiln.data.internal.DuckDb;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * The process {@link NativeLibrariesIT} starts from kiln.jar and kills: opens DuckDB, trains a
 * small XGBoost model, prints the files their native libraries are mapped from, then waits.
 */
public final class LoadNativesAndWait {
  private LoadNativesAndWait() {}

  /** Runs it. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DuckDb.open()) {
      c.createStatement().execute("select 1");
    }
    new XGBoostEstimator(Task.REGRESSION, Map.of("nthread", 1), 2, 0).fit(new TrainingData(
        new float[] {0, 1, 2, 3}, 4, List.of("x"), new float[] {0, 1, 2, 3}, null), null);
    List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
    for (String library : List.of("duckdb_java", "xgboost4j")) {
      System.out.println("MAPPED " + library + " " + maps.stream()
          .filter(line -> line.contains(library)).map(line -> line.substring(line.indexOf('/')))
          .findFirst().orElse("none"));
    }
    System.out.flush();
    Thread.sleep(120_000);
  }
}
