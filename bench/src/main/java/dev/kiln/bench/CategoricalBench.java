package dev.kiln.bench;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.CategoricalEncoder;
import dev.kiln.ml.preprocess.EncodedFrame;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains XGBoost (depth 6, eta 0.3, nthread 1) on a seeded table with two text columns of ~230
 * values each (default 3M rows), each way in its own JVM with the default heap: native
 * categorical codes, and unbounded one-hot of both columns (457 features) on Kiln's sparse path;
 * then the same one-hot with pandas + scikit-learn's sparse {@code OneHotEncoder} in a {@code
 * ColumnTransformer} + {@code XGBClassifier(tree_method='hist')}, as their documentation
 * recommends, on the same rows. Prints per way the encode + train time, the time to score every
 * row, peak heap and peak RSS, and the ratios. Usage: bench/run categorical [ROWS] [ROUNDS]
 */
public final class CategoricalBench {
  private static final List<String> TEXT = List.of("city", "make");

  private CategoricalBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--way")) {
      way(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.printf("rows %,d, rounds %d, default max heap %,d MB, %s%n", rows, rounds,
        Runtime.getRuntime().maxMemory() >> 20, Files.readString(Path.of("/proc/loadavg")).trim());
    double[] codes = child("codes", rows, rounds);
    double[] oneHot = child("one-hot", rows, rounds);
    Path csv = Files.createTempFile("categorical", ".csv");
    try {
      FrameWriter.write(table(rows, new Random(42)), csv, FileFormat.CSV);
      double[] python = python(csv, rounds);
      print(String.format("Python: pandas + sklearn sparse one-hot (%d features) + xgboost",
          (int) python[4]), python);
      System.out.printf(Locale.ROOT, "ratios: Kiln one-hot / codes time %.2f, heap %.2f;"
          + " Kiln one-hot / Python time %.2f, peak RSS %.2f%n", oneHot[0] / codes[0],
          oneHot[2] / codes[2], oneHot[0] / python[0], oneHot[3] / python[3]);
    } finally {
      Files.deleteIfExists(csv);
    }
    System.out.printf("a dense double column per category would hold %,d MB%n",
        (long) rows * 457 * 8 >> 20);
  }

  /** Runs one way in a fresh JVM with this one's flags and default heap; returns its figures. */
  private static double[] child(String way, int rows, int rounds) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        CategoricalBench.class.getName(), "--way", way, "" + rows, "" + rounds));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(way + " failed: " + out);
    }
    String[] lines = out.split("\n");
    System.out.println(lines[0]);
    String[] v = lines[lines.length - 1].trim().split("\\s+");
    double[] figures = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      figures[i] = Double.parseDouble(v[i]);
    }
    return figures;
  }

  /** Encodes, trains and scores one way; prints a line and then its figures for the parent. */
  private static void way(String way, int rows, int rounds) throws Exception {
    Frame data = table(rows, new Random(42));
    Frame x = data.drop(List.of("y"));
    boolean codes = way.equals("codes");
    Step encode = codes ? new CategoricalEncoder(TEXT)
        : new OneHotEncoder(TEXT, "infrequent_if_exist", null, null);
    resetPeaks();
    long start = System.nanoTime();
    FittedPreprocessor fitted = new Preprocessor(List.of(encode)).fit(x);
    EncodedFrame encoded = fitted.encode(x).withColumn(data.column("y"));
    TrainingData matrix = TrainingData.of(encoded, "y");
    Map<String, Object> params = new LinkedHashMap<>(Map.of("max_depth", 6, "eta", 0.3,
        "seed", 1, "tree_method", "hist"));
    if (codes) {
      params.put(XGBoostEstimator.CATEGORICAL, TEXT);
    }
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, params, rounds, 0)
        .fit(matrix, null);
    double train = (System.nanoTime() - start) / 1e9;
    long heap = peakHeapMb();
    long rss = status("VmHWM");
    long scoreStart = System.nanoTime();
    FeatureMatrix all = FeatureMatrix.of(fitted.encode(x), model.featureNames());
    double[] p = model.predict(all);
    double score = (System.nanoTime() - scoreStart) / 1e9;
    double[] figures = {train, score, heap, rss, matrix.featureNames().size()};
    print(String.format("Kiln %s (%d features, %s)", codes ? "native categorical codes"
        : "sparse one-hot", matrix.featureNames().size(), codes ? "enable_categorical"
        : matrix.oneHot().size() + " one-hot blocks, " + p.length + " scores"), figures);
    StringBuilder line = new StringBuilder();
    for (double f : figures) {
      line.append(f).append(' ');
    }
    System.out.println(line);
  }

  private static void print(String label, double[] f) {
    System.out.printf(Locale.ROOT, "%-62s encode+train %6.1f s  score all %5.1f s  peak heap %8s"
        + "  peak RSS %,6d MB%n", label, f[0], f[1], f[2] < 0 ? "-" : String.format(Locale.ROOT,
        "%,d MB", (long) f[2]), (long) f[3]);
  }

  private static double[] python(Path csv, int rounds) throws Exception {
    String script = String.join("\n",
        "import sys, time, pandas as pd, xgboost as xgb",
        "from sklearn.compose import ColumnTransformer",
        "from sklearn.preprocessing import OneHotEncoder",
        "def status(key):",
        "    for line in open('/proc/self/status'):",
        "        if line.startswith(key): return int(line.split()[1]) / 1024",
        "df = pd.read_csv(sys.argv[1])",
        "X, y = df.drop(columns=['y']), df['y']",
        "open('/proc/self/clear_refs', 'w').write('5')",
        "t = time.perf_counter()",
        "encode = ColumnTransformer([('onehot', OneHotEncoder(handle_unknown='ignore'),"
            + " ['city', 'make'])], remainder='passthrough')",
        "Xs = encode.fit_transform(X)",
        "m = xgb.XGBClassifier(n_estimators=" + rounds + ", max_depth=6, learning_rate=0.3,"
            + " n_jobs=1, random_state=1, tree_method='hist')",
        "m.fit(Xs, y)",
        "train_s = time.perf_counter() - t",
        "peak = status('VmHWM')",
        "t = time.perf_counter(); m.predict_proba(encode.transform(X)); score_s ="
            + " time.perf_counter() - t",
        "print(train_s, score_s, -1, peak, Xs.shape[1])");
    String[] v = PythonScript.run(script, "python3-pandas, python3-sklearn and python3-xgboost",
        csv.toString()).trim().split("\\s+");
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.parseDouble(v[i]);
    }
    return out;
  }

  /** City and make (~230 values each, skewed), two numbers, and a label depending on all four. */
  private static Frame table(int rows, Random r) {
    String[] cityNames = new String[230];
    String[] makeNames = new String[233];
    for (int k = 0; k < cityNames.length; k++) {
      cityNames[k] = "city-" + k;
    }
    for (int k = 0; k < makeNames.length; k++) {
      makeNames[k] = "make-" + k;
    }
    double[] cityEffect = r.doubles(cityNames.length, -1.5, 1.5).toArray();
    double[] makeEffect = r.doubles(makeNames.length, -1.5, 1.5).toArray();
    int[] city = new int[rows];
    int[] make = new int[rows];
    double[] a = new double[rows];
    double[] b = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      city[i] = (int) (Math.pow(r.nextDouble(), 1.5) * cityNames.length);
      make[i] = r.nextInt(makeNames.length);
      a[i] = r.nextGaussian();
      b[i] = r.nextDouble() * 100;
      double z = cityEffect[city[i]] + makeEffect[make[i]] + 0.5 * a[i] - 0.01 * b[i]
          + r.nextGaussian();
      y[i] = z > 0 ? 1 : 0;
    }
    return Frame.of(StringColumn.ofCodes("city", city, cityNames),
        StringColumn.ofCodes("make", make, makeNames), DoubleColumn.of("a", a),
        DoubleColumn.of("b", b), DoubleColumn.of("y", y));
  }

  private static void resetPeaks() throws Exception {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
  }

  private static long status(String key) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
      }
    }
    return -1;
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
