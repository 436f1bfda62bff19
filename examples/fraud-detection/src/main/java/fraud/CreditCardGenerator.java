package fraud;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes a deterministic stand-in for Kaggle's credit-card fraud file: {@code Time}, {@code V1} to
 * {@code V28} (uncorrelated, zero-mean, decreasing variance, as PCA components are), {@code Amount}
 * and {@code Class}, with 492 frauds in 284,807 rows (0.172%).
 *
 * <p>Fraud is learnable but not trivially: most frauds shift a handful of components (V4, V10,
 * V11, V12, V14, V17 — the ones that matter in the real data) by one to three standard deviations
 * with noise, a fifth of them barely differ from normal traffic, and a few normal transactions
 * look like fraud. Amounts are log-normal; frauds are either small probes or large.
 */
public final class CreditCardGenerator {
  /** Rows in the real file. */
  public static final int KAGGLE_ROWS = 284_807;
  /** Frauds in the real file. */
  public static final int KAGGLE_FRAUDS = 492;

  private static final int COMPONENTS = 28;
  private static final double SECONDS = 172_792;
  private static final int[] SIGNAL = {4, 10, 11, 12, 14, 17};
  private static final double[] SHIFT = {2.0, -2.2, 1.6, -2.6, -3.0, -2.5};

  private CreditCardGenerator() {}

  /** Writes {@code rows} rows (frauds in proportion) to a CSV file, atomically. */
  public static void write(Path file, int rows, long seed) throws IOException {
    int frauds = Math.max(1, (int) Math.round((double) rows * KAGGLE_FRAUDS / KAGGLE_ROWS));
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] isFraud = chooseFrauds(rows, frauds, random.split());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write(header());
      StringBuilder line = new StringBuilder(512);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        row(line, i, rows, isFraud[i], random);
        out.write(line.toString());
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean[] chooseFrauds(int rows, int frauds, SplittableRandom random) {
    boolean[] chosen = new boolean[rows];
    int placed = 0;
    while (placed < frauds) {
      int i = random.nextInt(rows);
      if (!chosen[i]) {
        chosen[i] = true;
        placed++;
      }
    }
    return chosen;
  }

  private static String header() {
    StringBuilder h = new StringBuilder("Time");
    for (int k = 1; k <= COMPONENTS; k++) {
      h.append(",V").append(k);
    }
    return h.append(",Amount,Class\n").toString();
  }

  private static void row(StringBuilder line, int i, int rows, boolean fraud,
      SplittableRandom random) {
    double time = Math.floor(SECONDS * (i + random.nextDouble()) / rows);
    line.append((long) time);
    double[] v = new double[COMPONENTS + 1];
    for (int k = 1; k <= COMPONENTS; k++) {
      v[k] = random.nextGaussian() * std(k);
    }
    double strength = signalStrength(fraud, random);
    for (int s = 0; s < SIGNAL.length; s++) {
      int k = SIGNAL[s];
      v[k] += strength * SHIFT[s] * std(k) * (0.6 + 0.8 * random.nextDouble());
    }
    for (int k = 1; k <= COMPONENTS; k++) {
      line.append(',').append(round(v[k]));
    }
    line.append(',').append(amount(fraud, random)).append(',').append(fraud ? 1 : 0).append('\n');
  }

  /** Typical frauds shift the signal components fully, a fifth barely; 0.1% of normals partly. */
  private static double signalStrength(boolean fraud, SplittableRandom random) {
    if (fraud) {
      return random.nextDouble() < 0.8 ? 1.0 : 0.25;
    }
    return random.nextDouble() < 0.001 ? 0.7 : 0.0;
  }

  private static double std(int component) {
    return 1.95 - 1.6 * (component - 1) / (COMPONENTS - 1.0);
  }

  private static String amount(boolean fraud, SplittableRandom random) {
    double value;
    if (fraud && random.nextBoolean()) {
      value = 1 + 9 * random.nextDouble();
    } else {
      double mu = fraud ? 4.5 : 3.0;
      double sigma = fraud ? 1.0 : 1.3;
      value = Math.min(25_000, Math.exp(mu + sigma * random.nextGaussian()));
    }
    return String.valueOf(Math.round(value * 100) / 100.0);
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
