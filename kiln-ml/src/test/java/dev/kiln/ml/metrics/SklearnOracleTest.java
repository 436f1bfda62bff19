package dev.kiln.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.core.KilnException;
import dev.kiln.ml.PythonOracle;
import dev.kiln.quality.oracle.Shrinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kiln's metrics against scikit-learn 1.2.1 on seeded random cases ({@link MetricCases}): sizes 1
 * to 2,000, tied and all-tied scores, one-class labels, probabilities of exactly 0 and 1,
 * constant regression targets (also ones whose mean is not representable) and zeros in the truth.
 * Where Kiln deliberately differs (documented in docs/ml.md) the script states the rule: average
 * precision without positives is NaN, ROC-AUC of one class is undefined (scikit-learn raises), log
 * loss takes labels=[0, 1], and an exactly constant truth gives R² 1.0 or 0.0. A failure names the
 * seed and the smallest failing case.
 */
class SklearnOracleTest {
  private static final long SEED = Long.getLong("kiln.oracle.seed", 20_260_512L);
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final String[] FIGURES = {"accuracy", "precision", "recall", "f1", "roc_auc",
      "average_precision", "log_loss", "mse", "mae", "r2", "mape"};
  private static final String SCRIPT = String.join("\n",
      "import sys, json, warnings",
      "import numpy as np",
      "from sklearn import metrics as m",
      "warnings.simplefilter('ignore')",
      "nan = float('nan')",
      "for line in sys.stdin:",
      "    d = json.loads(line)",
      "    y, s, t, r = (np.array(d[k]) for k in 'ystr')",
      "    p = (s >= 0.5).astype(int)",
      "    one = len(set(y)) < 2",
      "    const = len(set(t)) == 1 and len(t) >= 2",
      "    f = [m.accuracy_score(y, p), m.precision_score(y, p, zero_division=0),",
      "         m.recall_score(y, p, zero_division=0), m.f1_score(y, p, zero_division=0),",
      "         nan if one else m.roc_auc_score(y, s),",
      "         nan if y.sum() == 0 else m.average_precision_score(y, s),",
      "         m.log_loss(y, s, labels=[0, 1]), m.mean_squared_error(t, r),",
      "         m.mean_absolute_error(t, r),",
      "         (1.0 if (t == r).all() else 0.0) if const else m.r2_score(t, r),",
      "         m.mean_absolute_percentage_error(t, r)]",
      "    fpr, tpr, thr = m.roc_curve(y, s)",
      "    pp, rr, pthr = m.precision_recall_curve(y, s)",
      "    print(json.dumps({'f': [float(x) for x in f],",
      "        'roc': [list(map(float, fpr)), list(map(float, tpr)), list(map(float, thr[1:]))],",
      "        'pr': [list(map(float, pp)), list(map(float, rr)), list(map(float, pthr))]}))",
      "");

  @Test
  void randomCases_matchSklearn() {
    List<MetricCases.Case> cases = MetricCases.generate(SEED, 300);
    List<String> failures = new ArrayList<>();
    List<String> problems = problems(cases);
    for (int i = 0; i < cases.size() && failures.size() < 3; i++) {
      if (problems.get(i) != null) {
        MetricCases.Case smallest = Shrinker.shrink(cases.get(i), MetricCases.Case::simpler,
            batch -> {
              List<String> p = problems(batch);
              boolean[] fails = new boolean[batch.size()];
              for (int j = 0; j < fails.length; j++) {
                fails[j] = p.get(j) != null;
              }
              return fails;
            });
        failures.add(String.format(Locale.ROOT, "seed %d case %d (%s): %s; smallest failing"
            + " case: y=%s s=%s truth=%s predicted=%s (%s)", SEED, i, cases.get(i).kind(),
            problems.get(i), Arrays.toString(smallest.labels()),
            Arrays.toString(smallest.scores()), Arrays.toString(smallest.truth()),
            Arrays.toString(smallest.predicted()), problems(List.of(smallest)).get(0)));
      }
    }
    assertThat(failures).as("differences from scikit-learn (rerun with -Dkiln.oracle.seed=%d)",
        SEED).isEmpty();
  }

  /** For each case, the first difference from scikit-learn, or null. */
  private static List<String> problems(List<MetricCases.Case> cases) {
    StringBuilder in = new StringBuilder();
    for (MetricCases.Case c : cases) {
      in.append("{\"y\":").append(list(c.labels())).append(",\"s\":").append(list(c.scores()))
          .append(",\"t\":").append(list(c.truth())).append(",\"r\":")
          .append(list(c.predicted())).append("}\n");
    }
    try {
      String[] lines = PythonOracle.run(SCRIPT, in.toString()).trim().split("\n");
      List<String> out = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        out.add(problem(cases.get(i), JSON.readTree(lines[i])));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String problem(MetricCases.Case c, JsonNode expected) {
    int[] y = c.classes();
    BinaryMetrics b = BinaryMetrics.atThreshold(y, c.scores(), 0.5);
    ScoreCurves curves = ScoreCurves.of(y, c.scores());
    RegressionMetrics g = RegressionMetrics.of(c.truth(), c.predicted());
    double[] actual = {b.accuracy(), b.precision(), b.recall(), b.f1(), rocAuc(curves),
        curves.averagePrecision(), ScoreCurves.logLoss(y, c.scores()), g.mse(), g.mae(), g.r2(),
        g.mape()};
    for (int k = 0; k < actual.length; k++) {
      if (!close(actual[k], expected.get("f").get(k).asDouble())) {
        return FIGURES[k] + ": kiln " + actual[k] + ", sklearn " + expected.get("f").get(k);
      }
    }
    double[][] roc = curves.rocCurve();
    double[][] kilnRoc = {roc[0], roc[1], Arrays.copyOfRange(roc[2], 1, roc[2].length)};
    String r = arrays("roc_curve", kilnRoc, expected.get("roc"));
    return r != null ? r : arrays("precision_recall_curve", curves.precisionRecallCurve(),
        expected.get("pr"));
  }

  /** ROC-AUC, or NaN where Kiln refuses it (one class), checking the refusal's message. */
  private static double rocAuc(ScoreCurves curves) {
    try {
      return curves.rocAuc();
    } catch (KilnException e) {
      assertThat(e.getMessage()).contains("only one class");
      return Double.NaN;
    }
  }

  private static String arrays(String name, double[][] actual, JsonNode expected) {
    for (int a = 0; a < actual.length; a++) {
      if (actual[a].length != expected.get(a).size()) {
        return name + "[" + a + "] length: kiln " + actual[a].length + ", sklearn "
            + expected.get(a).size();
      }
      for (int i = 0; i < actual[a].length; i++) {
        if (!close(actual[a][i], expected.get(a).get(i).asDouble())) {
          return name + "[" + a + "][" + i + "]: kiln " + actual[a][i] + ", sklearn "
              + expected.get(a).get(i);
        }
      }
    }
    return null;
  }

  private static boolean close(double actual, double expected) {
    return Double.compare(actual, expected) == 0 || (Double.isNaN(actual) && Double.isNaN(expected))
        || Math.abs(actual - expected) <= 1e-12 * Math.abs(expected) + 1e-15;
  }

  private static String list(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }
}
