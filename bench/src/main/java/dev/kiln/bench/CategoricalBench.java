package dev.kiln.bench;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.CategoricalEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains XGBoost on a seeded table with two text columns of ~230 values each (default 3M rows):
 * native categorical codes against a bounded one-hot baseline (16 columns per text column), each
 * timed with its peak heap; prints the process's peak RSS and what a dense double column per
 * category would need. Usage: bench/run categorical [ROWS] [ROUNDS]
 */
public final class CategoricalBench {
  private CategoricalBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Frame data = table(rows, new Random(42));
    System.out.printf("rows %,d, max heap %,d MB%n", rows, Runtime.getRuntime().maxMemory() >> 20);
    double codes = train("categorical codes", data, new CategoricalEncoder(List.of("city", "make")),
        rounds, List.of("city", "make"));
    double oneHot = train("bounded one-hot (16/column)", data, new OneHotEncoder(
        List.of("city", "make"), "infrequent_if_exist", 16, null), rounds, List.of());
    System.out.printf("one-hot / codes time ratio: %.2f%n", oneHot / codes);
    System.out.printf("a dense double column per category would hold %,d MB%n",
        (long) rows * 460 * 8 >> 20);
    System.out.println("peak RSS: " + Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM unknown"));
  }

  private static double train(String label, Frame data, Step encode, int rounds,
      List<String> categorical) {
    resetPeaks();
    long start = System.nanoTime();
    FittedPreprocessor fitted = new Preprocessor(List.of(encode)).fit(data.drop(List.of("y")));
    Frame prepared = fitted.transform(data.drop(List.of("y"))).withColumn(data.column("y"));
    TrainingData matrix = TrainingData.of(prepared, "y");
    Map<String, Object> params = new LinkedHashMap<>(Map.of("max_depth", 6, "eta", 0.3,
        "seed", 1));
    if (!categorical.isEmpty()) {
      params.put(XGBoostEstimator.CATEGORICAL, categorical);
    }
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, params, rounds, 0)
        .fit(matrix, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-28s %3d features  %6.1f s  peak heap %,d MB  (%d outputs)%n", label,
        matrix.featureNames().size(), seconds, peakHeapMb(),
        model.predict(new float[matrix.featureNames().size()], 1).length);
    return seconds;
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

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
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
