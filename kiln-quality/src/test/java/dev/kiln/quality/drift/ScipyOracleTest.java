package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** KS p-values and Wasserstein distances against Debian's SciPy on random samples. */
class ScipyOracleTest {
  private static double[] sample(Random r, int n, double shift) {
    return r.doubles(n).map(x -> Math.round((x * 3 + shift) * 1000) / 1000.0).toArray();
  }

  private static String list(double[] v) {
    return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void ksAndWasserstein_matchScipy() throws Exception {
    Random r = new Random(5);
    int[][] sizes = {{30, 45}, {200, 200}, {1500, 3000}, {700, 70}};
    StringBuilder script = new StringBuilder("from scipy import stats\n");
    double[][][] samples = new double[sizes.length][][];
    for (int i = 0; i < sizes.length; i++) {
      samples[i] = new double[][] {sample(r, sizes[i][0], 0), sample(r, sizes[i][1], 0.2)};
      script.append("a=").append(list(samples[i][0])).append("\nb=").append(list(samples[i][1]))
          .append("\nprint(repr(stats.ks_2samp(a, b).pvalue), repr(stats.wasserstein_distance(a,"
              + " b)))\n");
    }
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", script.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("python3-scipy is needed (see .ci/run): %s", err).isZero();
    String[] lines = out.trim().split("\n");
    for (int i = 0; i < sizes.length; i++) {
      String[] expected = lines[i].trim().split("\\s+");
      double ks = KolmogorovSmirnov.test(samples[i][0], samples[i][1]).pValue();
      double w = Wasserstein.distance(samples[i][0], samples[i][1]);
      double pExpected = Double.parseDouble(expected[0]);
      assertThat(ks).as("KS p, sizes %s", Arrays.toString(sizes[i]))
          .isCloseTo(pExpected, within(Math.abs(pExpected) * 1e-9 + 1e-300));
      assertThat(w).isCloseTo(Double.parseDouble(expected[1]), within(1e-12));
    }
  }
}
