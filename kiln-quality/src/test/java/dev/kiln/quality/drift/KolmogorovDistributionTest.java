package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.quality.oracle.OracleScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The finite-n Kolmogorov distribution against {@code scipy.stats.kstwo.sf} on a grid that
 * crosses every switch of Simard and L'Ecuyer's algorithm: the ends of the support, n = 140 and
 * 100,000, n·x² = 0.754693, 2.2, 4, 18 and 370, x = 0.5.
 */
class KolmogorovDistributionTest {
  private static final int[] SIZES = {1, 2, 3, 5, 10, 39, 100, 140, 141, 500, 1000, 4999, 10_000,
      50_000, 100_000, 100_001, 1_000_001};
  /** Above this n the one-sided tail sums ~n terms (SciPy too): only a few points there. */
  private static final int LARGE = 20_000;
  private static final double[] NX_SQUARED = {0.05, 0.3, 0.754, 0.7547, 1, 1.5, 2.19, 2.21, 3.9,
      4.01, 6, 10, 17.9, 18.1, 50, 200, 369, 371, 500};

  static List<double[]> grid() {
    List<double[]> cases = new ArrayList<>();
    for (int n : SIZES) {
      double[] fixed = {0, 0.25 / n, 0.5 / n, 0.5000001 / n, 0.7 / n, 1.0 / n, 1.3 / n, 0.3, 0.4999,
          0.5, 0.6, (n - 1.0) / n, 0.999, 1};
      for (double x : fixed) {
        cases.add(new double[] {n, x});
      }
      for (double c : NX_SQUARED) {
        double x = Math.sqrt(c / n);
        boolean costly = n > LARGE && n <= 1_000_000 && c >= 2.2 && c < 370;
        if (x < 1 && (!costly || (n == 100_000 && c == 2.21))) {
          cases.add(new double[] {n, x});
        }
      }
    }
    return cases;
  }

  @Test
  void sf_matchesScipyKstwoAcrossEveryRegime() throws Exception {
    List<double[]> cases = grid();
    StringBuilder in = new StringBuilder();
    for (double[] c : cases) {
      in.append(String.format(Locale.ROOT, "%d %s%n", (int) c[0], Double.toString(c[1])));
    }
    String out = OracleScript.run("import sys\nfrom scipy import stats\n"
        + "for line in sys.stdin:\n  n, x = line.split()\n"
        + "  print(repr(float(stats.kstwo.sf(float(x), int(n)))))\n", in.toString());
    String[] lines = out.trim().split("\n");
    StringBuilder failures = new StringBuilder();
    double worst = 0;
    for (int i = 0; i < cases.size(); i++) {
      int n = (int) cases.get(i)[0];
      double x = cases.get(i)[1];
      double expected = Double.parseDouble(lines[i]);
      double actual = KolmogorovDistribution.sf(n, x);
      double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
      worst = Math.max(worst, expected == 0 && actual == 0 ? 0 : error);
      if (!(error <= 1e-11) && !(expected == actual)) {
        failures.append(String.format(Locale.ROOT, "n=%d x=%s: kiln %s, scipy %s (rel %.2e)%n",
            n, x, actual, expected, error));
      }
    }
    System.out.printf(Locale.ROOT, "kstwo.sf: %d cases, worst relative difference %.2e%n",
        cases.size(), worst);
    assertThat(failures).as("differences from SciPy").isEmpty();
  }
}
