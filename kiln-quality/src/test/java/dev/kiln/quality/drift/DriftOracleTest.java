package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.quality.oracle.OracleScript;
import dev.kiln.quality.oracle.Shrinker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every drift statistic against SciPy and a line-for-line numpy/pandas copy of Evidently's
 * definitions, on seeded random samples (see {@link DriftCases}): sizes 2 to 100,000 per side,
 * effective KS sizes across the exact/asymptotic switch and the kstwo regimes, ties, discrete
 * values, equal distributions, signed zeros, NaN and infinities, constant columns. The statistics
 * go through {@link DriftDetector} with per-column test overrides, so the cleaning and the
 * number-to-category conversion are tested too. A failure names the seed and the smallest failing
 * case found by shrinking.
 */
class DriftOracleTest {
  private static final long SEED = Long.getLong("kiln.oracle.seed", 20_260_511L);
  private static final int CASES = 300;

  private static final String SCRIPT = String.join("\n",
      "import sys, json",
      "import numpy as np, pandas as pd",
      "from scipy import stats",
      "from scipy.spatial import distance",
      "def clean(a):",
      "    return pd.Series(a, dtype=float).replace([np.inf, -np.inf], np.nan).dropna()",
      "def keys_of(r, c):",
      "    return list(set(r.dropna().unique()) | set(c.dropna().unique()))",
      "def binned(r, c, feel_zeroes):",
      "    if r.nunique() > 20:",
      "        bins = np.histogram_bin_edges(pd.concat([r, c], axis=0).values, bins='sturges')",
      "        rp = np.histogram(r, bins)[0] / len(r)",
      "        cp = np.histogram(c, bins)[0] / len(c)",
      "    else:",
      "        keys = keys_of(r, c)",
      "        rd = {**dict.fromkeys(keys, 0), **dict(r.value_counts())}",
      "        cd = {**dict.fromkeys(keys, 0), **dict(c.value_counts())}",
      "        rp = np.array([rd[k] for k in keys]) / len(r)",
      "        cp = np.array([cd[k] for k in keys]) / len(c)",
      "    if feel_zeroes:",
      "        for p in (rp, cp):",
      "            m = min(p[p != 0])",
      "            np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)",
      "    return rp, cp",
      "def chi(r, c):",
      "    keys = keys_of(r, c)",
      "    rd = {**dict.fromkeys(keys, 0), **dict(r.value_counts())}",
      "    cd = {**dict.fromkeys(keys, 0), **dict(c.value_counts())}",
      "    k = c.shape[0] / r.shape[0]",
      "    with np.errstate(all='ignore'):",
      "        return stats.chisquare([cd[x] for x in keys], [rd[x] * k for x in keys])[1]",
      "def z(r, c):",
      "    if r.nunique() == 1 and c.nunique() == 1 and r.unique()[0] == c.unique()[0]:",
      "        return 1.0",
      "    key = sorted(list(set(list(r.unique()) + list(c.unique())) - {np.nan}))[0]",
      "    a = r.apply(lambda x: 0 if x == key else 1)",
      "    b = c.apply(lambda x: 0 if x == key else 1)",
      "    n1, n2 = len(a), len(b)",
      "    p1, p2 = float(sum(a)) / n1, float(sum(b)) / n2",
      "    P = float(p1 * n1 + p2 * n2) / (n1 + n2)",
      "    with np.errstate(all='ignore'):",
      "        s = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))",
      "    return 2 * (1 - stats.norm.cdf(np.abs(s)))",
      "def run(t, r, c):",
      "    if t == 'ks': return stats.ks_2samp(r, c).pvalue",
      "    if t == 'wasserstein':",
      "        return stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)",
      "    if t == 'psi':",
      "        rp, cp = binned(r, c, True)",
      "        return np.sum((rp - cp) * np.log(rp / cp))",
      "    if t == 'jensenshannon': return distance.jensenshannon(*binned(r, c, False))",
      "    if t == 'chisquare': return chi(r, c)",
      "    return z(r, c)",
      "for line in sys.stdin:",
      "    d = json.loads(line)",
      "    r, c = clean(d['r']), clean(d['c'])",
      "    print(' '.join(repr(float(run(t, r, c))) for t in d['t']))",
      "");

  @Test
  void randomCases_matchScipyAndEvidently() {
    List<DriftCases.Case> cases = DriftCases.generate(SEED, CASES);
    long start = System.nanoTime();
    double[][] expected = oracle(cases);
    long python = System.nanoTime();
    List<double[]> actual = cases.stream().map(DriftOracleTest::kiln).toList();
    System.out.printf(Locale.ROOT, "drift oracle: %d cases, python %.1f s, kiln %.1f s%n",
        cases.size(), (python - start) / 1e9, (System.nanoTime() - python) / 1e9);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      DriftCases.Case c = cases.get(i);
      for (int t = 0; t < c.tests().size(); t++) {
        if (!close(actual.get(i)[t], expected[i][t])) {
          String test = c.tests().get(t);
          DriftCases.Case smallest = shrink(c.only(test));
          failures.add(String.format(Locale.ROOT, "seed %d case %d (%s) %s: kiln %s, oracle %s;"
              + " smallest failing case: %s", SEED, i, c.kind(), test, actual.get(i)[t],
              expected[i][t], smallest.describe()));
          break;
        }
      }
      if (failures.size() >= 3) {
        break;
      }
    }
    assertThat(failures).as("differences from SciPy/Evidently (rerun with"
        + " -Dkiln.oracle.seed=%d)", SEED).isEmpty();
  }

  /** Kiln's score of each of the case's tests, through the detector. */
  static double[] kiln(DriftCases.Case c) {
    Map<String, String> overrides = new LinkedHashMap<>();
    List<DoubleColumn> ref = new ArrayList<>();
    List<DoubleColumn> cur = new ArrayList<>();
    for (String t : c.tests()) {
      overrides.put(t, t);
      ref.add(DoubleColumn.of(t, c.reference()));
      cur.add(DoubleColumn.of(t, c.current()));
    }
    DriftReport report = new DriftDetector(0.5, overrides, Map.of())
        .compare(Frame.of(ref.toArray(DoubleColumn[]::new)), Frame.of(cur.toArray(DoubleColumn[]::new)));
    return report.columns().stream().mapToDouble(ColumnDrift::score).toArray();
  }

  static boolean close(double actual, double expected) {
    if (Double.compare(actual, expected) == 0 || (Double.isNaN(actual) && Double.isNaN(expected))) {
      return true;
    }
    return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-300;
  }

  private static double[][] oracle(List<DriftCases.Case> cases) {
    StringBuilder in = new StringBuilder();
    for (DriftCases.Case c : cases) {
      String tests = c.tests().stream().map(t -> '"' + t + '"')
          .collect(Collectors.joining(",", "[", "]"));
      in.append("{\"r\":").append(json(c.reference())).append(",\"c\":").append(json(c.current()))
          .append(",\"t\":").append(tests).append("}\n");
    }
    try {
      String[] lines = OracleScript.run(SCRIPT, in.toString()).trim().split("\n");
      return Arrays.stream(lines).map(l -> Arrays.stream(l.trim().split(" "))
          .mapToDouble(s -> Double.parseDouble(s.replace("inf", "Infinity")
              .replace("nan", "NaN"))).toArray()).toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Shrinks a one-test case; a Kiln exception counts as a failure. */
  private static DriftCases.Case shrink(DriftCases.Case failing) {
    return Shrinker.shrink(failing, DriftCases.Case::simpler, batch -> {
      double[][] expected = oracle(batch);
      boolean[] fails = new boolean[batch.size()];
      for (int i = 0; i < fails.length; i++) {
        try {
          fails[i] = !close(kiln(batch.get(i))[0], expected[i][0]);
        } catch (RuntimeException e) {
          fails[i] = true;
        }
      }
      return fails;
    });
  }

  static String json(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }
}
