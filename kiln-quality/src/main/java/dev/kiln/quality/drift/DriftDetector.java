package dev.kiln.quality.drift;

import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a current frame with a reference frame column by column, choosing each column's test
 * as Evidently does unless overridden: for at most 1,000 reference rows, statistical tests (KS for
 * numbers with more than 5 distinct values, chi-square for 3–5 or categorical with more than 2, the
 * Z-test otherwise); above that, distances (normed Wasserstein for numbers with more than 5
 * distinct values, Jensen–Shannon otherwise). A test without a defined result (chi-square over a
 * single category) scores NaN: the column's verdict is "undefined" and it counts as checked but not
 * drifted, as in Evidently. Numbers are compared as numpy does (-0.0 equals 0.0).
 *
 * @param driftShare the share of drifted columns that makes the data set drifted (default 0.5)
 * @param tests per-column test overrides (ks, chisquare, z, wasserstein, jensenshannon, psi)
 * @param thresholds per-column threshold overrides
 */
public record DriftDetector(double driftShare, Map<String, String> tests,
    Map<String, Double> thresholds) {

  /** Copies the maps. */
  public DriftDetector {
    tests = Map.copyOf(tests);
    thresholds = Map.copyOf(thresholds);
  }

  /** Returns Evidently's defaults: drift share 0.5, no overrides. */
  public static DriftDetector defaults() {
    return new DriftDetector(0.5, Map.of(), Map.of());
  }

  /**
   * Compares every column of the reference that the current frame also has.
   *
   * @throws KilnException if the frames share no column or a test name is unknown
   */
  public DriftReport compare(Frame reference, Frame current) {
    List<ColumnDrift> results = reference.columnNames().parallelStream()
        .filter(current::hasColumn)
        .map(name -> column(reference.column(name), current.column(name))).toList();
    if (results.isEmpty()) {
      throw new KilnException("The reference and current data share no column.",
          "compare data with the same columns");
    }
    double share = results.stream().filter(ColumnDrift::drifted).count() / (double) results.size();
    return new DriftReport(results, share, driftShare, share >= driftShare);
  }

  private ColumnDrift column(Column ref, Column cur) {
    boolean numeric = ref.type() != ColumnType.STRING && cur.type() != ColumnType.STRING;
    String test = tests.getOrDefault(ref.name(), defaultTest(ref, cur, numeric));
    double threshold = thresholds.getOrDefault(ref.name(), test.matches("ks|chisquare|z")
        ? 0.05 : 0.1);
    double score = score(test, ref, cur, numeric);
    boolean drifted = switch (test) {
      case "ks" -> score <= threshold;
      case "chisquare", "z" -> score < threshold;
      default -> score >= threshold;
    };
    return new ColumnDrift(ref.name(), test, score, threshold, drifted);
  }

  private static String defaultTest(Column ref, Column cur, boolean numeric) {
    int unique = uniques(ref, cur);
    if (present(ref) <= 1000) {
      if (numeric) {
        return unique <= 2 ? "z" : unique <= 5 ? "chisquare" : "ks";
      }
      return unique > 2 ? "chisquare" : "z";
    }
    return numeric && unique > 5 ? "wasserstein" : "jensenshannon";
  }

  private static double score(String test, Column ref, Column cur, boolean numeric) {
    return switch (test) {
      case "ks" -> KolmogorovSmirnov.test(ref.toDoubleArray(), cur.toDoubleArray()).pValue();
      case "wasserstein" -> Wasserstein.normed(ref.toDoubleArray(), cur.toDoubleArray());
      case "chisquare" -> CategoricalTests.chiSquare(text(ref), text(cur)).pValue();
      case "z" -> numeric ? CategoricalTests.zTest(ref.toDoubleArray(), cur.toDoubleArray()).pValue()
          : CategoricalTests.zTest(text(ref), text(cur)).pValue();
      case "jensenshannon" -> Distances.jensenShannon(bins(ref, cur, numeric));
      case "psi" -> Distances.psi(bins(ref, cur, numeric));
      default -> throw new KilnException("Unknown drift test '" + test + "' for column '"
          + ref.name() + "'.", "use ks, chisquare, z, wasserstein, jensenshannon or psi");
    };
  }

  private static Binning bins(Column ref, Column cur, boolean numeric) {
    return numeric ? Binning.numeric(ref.toDoubleArray(), cur.toDoubleArray())
        : Binning.categorical(text(ref), text(cur));
  }

  private static String[] text(Column c) {
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = c.get(i);
      out[i] = v == null || (v instanceof Double d && !Double.isFinite(d)) ? null
          : c.type() == ColumnType.STRING ? (String) v
              : Double.toString(Samples.zero(c.getDouble(i)));
    }
    return out;
  }

  /** Counts distinct present values of both columns, stopping at 6 (all the rules need). */
  private static int uniques(Column ref, Column cur) {
    Set<Object> seen = new HashSet<>();
    for (Column c : List.of(ref, cur)) {
      for (int i = 0; i < c.size() && seen.size() <= 5; i++) {
        if (present(c, i)) {
          seen.add(c.type() == ColumnType.STRING ? c.get(i) : Samples.zero(c.getDouble(i)));
        }
      }
    }
    return seen.size();
  }

  /** Counts the values left after cleaning (not null; finite for numbers). */
  private static int present(Column c) {
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      n += present(c, i) ? 1 : 0;
    }
    return n;
  }

  private static boolean present(Column c, int row) {
    return !c.isNull(row) && (c.type() == ColumnType.STRING || Double.isFinite(c.getDouble(row)));
  }
}
