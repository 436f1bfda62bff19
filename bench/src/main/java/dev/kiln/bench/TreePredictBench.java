package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.xgboost.TreeEnsemble;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Times one XGBoost bundle's model on calls of 1, 100 and 10,000 rows, in one JVM: Kiln's
 * plain-Java predictor ({@link TreeEnsemble}: a block of rows walks each tree), the same one row
 * per call, what {@link XGBoostModel#predict} routes to, and XGBoost4J's native predictor in
 * place ({@code inplace_predict}, with the booster's default threads and with nthread=1) and
 * through a {@code DMatrix}. The rows are the project's test split, preprocessed by the bundle.
 * Each variant runs in turns with the others, and the best of its turns counts, as noise on a
 * shared machine only slows. Prints wall and CPU time (the whole process's, so XGBoost's own
 * threads count; on a loaded machine CPU time is the steadier measure) per row, and every
 * variant's ratio to the Java block walk.
 * Usage: bench/run trees [BUNDLE [ROWS_PARQUET]] (defaults: the serving benchmark's bundle,
 * bench/target/serving-fraud, and its project's test split).
 */
public final class TreePredictBench {
  private static final int TURNS = 7;
  /** Long enough for the process CPU time, which Linux counts in 10 ms ticks. */
  private static final long TURN_NANOS = 300_000_000L;
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private TreePredictBench() {}

  /** A way to predict {@code rows} rows from {@code x}. */
  private interface Way {
    void predict(float[] x, int rows) throws Exception;
  }

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path bundlePath = Path.of(args.length > 0 ? args[0]
        : "bench/target/serving-fraud/data/06_models/bundle");
    Path rowsPath = args.length > 1 ? Path.of(args[1])
        : bundlePath.resolve("../../05_model_input/test.parquet").normalize();
    LoadedBundle bundle = ModelBundle.load(bundlePath);
    if (!(bundle.model() instanceof XGBoostModel model)) {
      throw new IllegalArgumentException(bundlePath + " holds no XGBoost model");
    }
    Frame frame = FrameReader.parquet(rowsPath);
    int width = model.featureNames().size();
    float[] x = bundle.features(frame);
    int available = frame.rowCount();
    byte[] json = model.toBytes();
    TreeEnsemble java = TreeEnsemble.fromJson(json);
    Booster served = XGBoost.loadModel(json);
    Booster single = XGBoost.loadModel(json);
    single.setParam("nthread", "1");
    System.out.printf("%s%nmodel: %s; %,d test rows; %s%n", bundlePath, java, available,
        Files.readString(Path.of("/proc/loadavg")).trim());

    Map<String, Way> ways = new LinkedHashMap<>();
    double[] out = new double[10_000];
    ways.put("java, block walk (TreeEnsemble)", (rows, n) -> java.predict(rows, n, out));
    float[] one = new float[width];
    ways.put("java, one row per call", (rows, n) -> {
      for (int r = 0; r < n; r++) {
        System.arraycopy(rows, r * width, one, 0, width);
        java.predict(one, 1, out);
      }
    });
    ways.put("XGBoostModel.predict (as routed)", model::predict);
    // the rounds up to best_iteration, as XGBoostModel predicts
    String best = served.getAttr("best_iteration");
    int[] iterations = {0, best == null ? 0 : Integer.parseInt(best) + 1};
    ways.put("xgboost4j inplace_predict, default threads",
        (rows, n) -> served.inplace_predict(rows, n, width, Float.NaN, iterations));
    ways.put("xgboost4j inplace_predict, nthread=1",
        (rows, n) -> single.inplace_predict(rows, n, width, Float.NaN, iterations));
    ways.put("xgboost4j DMatrix + predict, nthread=1",
        (rows, n) -> {
          DMatrix m = new DMatrix(rows, n, width, Float.NaN);
          single.predict(m, false, iterations[1]);
          m.dispose();
        });
    for (int rows : new int[] {1, 100, 10_000}) {
      table(ways, slices(x, width, available, rows), rows);
    }
  }

  /** Cuts up to 64 different calls of {@code rows} rows from the test rows (cycled). */
  private static List<float[]> slices(float[] x, int width, int available, int rows) {
    List<float[]> calls = new ArrayList<>();
    for (int c = 0; c < 64 && (c == 0 || (long) c * rows < available); c++) {
      float[] call = new float[rows * width];
      for (int r = 0; r < rows; r++) {
        int from = (c * rows + r) % available;
        System.arraycopy(x, from * width, call, r * width, width);
      }
      calls.add(call);
    }
    return calls;
  }

  private static void table(Map<String, Way> ways, List<float[]> calls, int rows)
      throws Exception {
    Map<String, double[]> best = new LinkedHashMap<>();
    for (int turn = 0; turn < TURNS; turn++) {
      for (Map.Entry<String, Way> w : ways.entrySet()) {
        double[] t = nanosPerRow(w.getValue(), calls, rows);
        best.merge(w.getKey(), t, (a, b) -> new double[] {Math.min(a[0], b[0]),
            Math.min(a[1], b[1])});
      }
    }
    double[] java = best.values().iterator().next();
    System.out.printf("%n%-46s %10s %9s %14s %9s%n", String.format("%,d-row calls", rows),
        "wall ns/row", "x java", "CPU ns/row", "x java");
    best.forEach((name, t) -> System.out.printf("  %-44s %10.1f %8.2fx %14.1f %8.2fx%n", name,
        t[0], t[0] / java[0], t[1], t[1] / java[1]));
  }

  /**
   * Runs calls for about {@link #TURN_NANOS}; returns the wall time and the process's CPU time
   * (all its threads: XGBoost's own count) per row.
   */
  private static double[] nanosPerRow(Way way, List<float[]> calls, int rows) throws Exception {
    long start = System.nanoTime();
    long cpu = CPU.getProcessCpuTime();
    long done = 0;
    while (System.nanoTime() - start < TURN_NANOS) {
      way.predict(calls.get((int) (done % calls.size())), rows);
      done++;
    }
    double n = done * rows;
    return new double[] {(System.nanoTime() - start) / n, (CPU.getProcessCpuTime() - cpu) / n};
  }
}
