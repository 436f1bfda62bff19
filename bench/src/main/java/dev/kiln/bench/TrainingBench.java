package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the fraud file (CSV, Parquet), trains the example's XGBoost model and scores all rows,
 * and runs the same with pandas and Python XGBoost (Debian's python3-xgboost) in the same run.
 * Usage: TrainingBench CSV_FILE (the fraud example's data/01_raw/creditcard.csv).
 */
public final class TrainingBench {
  private static final Map<String, Object> PARAMS = Map.of("max_depth", 6, "eta", 0.1,
      "nthread", 1, "seed", 7, "tree_method", "hist");
  private static final int ROUNDS = 100;

  private TrainingBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Path parquet = Files.createTempFile("fraud", ".parquet");
    Frame frame = FrameReader.csv(csv, CsvOptions.defaults());
    FrameWriter.write(frame, parquet, FileFormat.PARQUET);
    double csvSeconds = seconds(() -> FrameReader.csv(csv, CsvOptions.defaults()));
    double parquetSeconds = seconds(() -> FrameReader.parquet(parquet));
    TrainingData data = TrainingData.of(frame, "Class");
    XGBoostEstimator estimator = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, PARAMS, ROUNDS,
        0);
    long t0 = System.nanoTime();
    Model model = estimator.fit(data, null);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    // XGBoost4J's own predictor, in place, one thread (Kiln's model.predict is the Java walk)
    ml.dmlc.xgboost4j.java.Booster booster = ml.dmlc.xgboost4j.java.XGBoost.loadModel(
        model.toBytes());
    booster.setParam("nthread", "1");
    int cols = data.featureNames().size();
    double scoreSeconds = seconds(() -> booster.inplace_predict(data.features(), data.rows(),
        cols, Float.NaN));
    dev.kiln.ml.xgboost.TreeEnsemble trees = dev.kiln.ml.xgboost.TreeEnsemble.fromJson(
        model.toBytes());
    double[] out = new double[data.rows()];
    double javaSeconds = seconds(() -> {
      trees.predict(data.features(), data.rows(), out);
    });
    float[] one = java.util.Arrays.copyOf(data.features(), cols);
    double[] single = new double[1];
    double nativeSingle = seconds(() -> {
      for (int i = 0; i < 2000; i++) {
        booster.inplace_predict(one, 1, cols, Float.NaN);
      }
    }) / 2000;
    double javaSingle = seconds(() -> {
      for (int i = 0; i < 20000; i++) {
        trees.predict(one, 1, single);
      }
    }) / 20000;
    String[] python = python(csv).trim().split("\\s+");
    double pandasCsv = Double.parseDouble(python[0]);
    double pyTrain = Double.parseDouble(python[1]);
    double pyScore = Double.parseDouble(python[2]);
    int rows = frame.rowCount();
    System.out.printf("%,d rows x %d columns%n", rows, frame.columnNames().size());
    System.out.printf("%-40s %10.0f rows/s  (pandas read_csv %10.0f rows/s, ratio %.2f)%n",
        "CSV read (DuckDB)", rows / csvSeconds, rows / pandasCsv, pandasCsv / csvSeconds);
    System.out.printf("%-40s %10.0f rows/s%n", "Parquet read (DuckDB)", rows / parquetSeconds);
    System.out.printf("%-40s %10.2f s    (Python xgboost %6.2f s, ratio %.2f; goal <= 1.2)%n",
        "train " + ROUNDS + " rounds, depth 6, nthread 1", trainSeconds, pyTrain,
        trainSeconds / pyTrain);
    System.out.printf("%-40s %10.0f rows/s  (Python predict_proba %10.0f rows/s, ratio %.2f;"
        + " goal >= 1)%n", "batch scoring (XGBoost4J inplace_predict)", rows / scoreSeconds, rows / pyScore,
        pyScore / scoreSeconds);
    System.out.printf("%-40s %10.0f rows/s  (ratio to Python %.2f)%n",
        "batch scoring (plain-Java trees)", rows / javaSeconds, pyScore / javaSeconds);
    System.out.printf("%-40s %10.1f us     (XGBoost4J single row %.1f us, ratio %.1fx)%n",
        "single-row latency (plain-Java trees)", javaSingle * 1e6, nativeSingle * 1e6,
        nativeSingle / javaSingle);
    Files.delete(parquet);
  }

  private static String python(Path csv) throws Exception {
    String script = String.join("\n",
        "import sys, time, pandas as pd, xgboost as xgb",
        "def best(f, n=3):",
        "    b = 1e9",
        "    for _ in range(n):",
        "        t = time.perf_counter(); f(); b = min(b, time.perf_counter() - t)",
        "    return b",
        "csv_s = best(lambda: pd.read_csv(sys.argv[1]))",
        "df = pd.read_csv(sys.argv[1]); X = df.drop(columns=['Class']); y = df['Class']",
        "m = xgb.XGBClassifier(n_estimators=" + ROUNDS + ", max_depth=6, learning_rate=0.1,"
            + " n_jobs=1, random_state=7, tree_method='hist')",
        "t = time.perf_counter(); m.fit(X, y); train_s = time.perf_counter() - t",
        "score_s = best(lambda: m.predict_proba(X))",
        "print(csv_s, train_s, score_s)");
    return PythonScript.run(script, "python3-xgboost", csv.toString());
  }

  /** Returns the best of three runs, in seconds. */
  private static double seconds(Timing.Task task) throws Exception {
    return Timing.bestMillis(3, task) / 1000;
  }
}
