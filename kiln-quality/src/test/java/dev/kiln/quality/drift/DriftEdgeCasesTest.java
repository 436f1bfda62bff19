package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cases of issue #11 that used to give wrong answers, with SciPy 1.10.1's values: KS in the
 * large-sample regime, signed zeros, single-category chi-square.
 */
class DriftEdgeCasesTest {
  private static double[] range(int from, int to, double scale, double shift) {
    return IntStream.range(from, to).mapToDouble(i -> i * scale + shift).toArray();
  }

  @Test
  void ks_largeIdenticalSamples_pIsOne() {
    double[] x = range(0, 20_000, 1, 0);
    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(x, x);
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.exact()).isFalse();
  }

  @Test
  void ks_largeSamplesOneApart_pIsOne() {
    assertThat(KolmogorovSmirnov.test(range(0, 20_000, 1, 0), range(1, 20_001, 1, 0)).pValue())
        .isEqualTo(1.0);
  }

  @Test
  void ks_largeShiftedSamples_matchScipy() {
    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(range(0, 11_000, 1, 0),
        range(0, 12_000, 0.95, 300));
    assertThat(r.statistic()).isCloseTo(0.06147727272727266, within(1e-15));
    assertThat(r.pValue()).isCloseTo(2.680009640008628e-19, within(2.68e-19 * 1e-10));
  }

  @Test
  void detector_sameSharesAgainstLargeCurrent_noKsDrift() {
    double[] ref = range(0, 1000, 1, 0);
    double[] cur = range(0, 20_000, 1, 0);
    for (int i = 0; i < ref.length; i++) {
      ref[i] %= 10;
    }
    for (int i = 0; i < cur.length; i++) {
      cur[i] %= 10;
    }
    ColumnDrift c = DriftDetector.defaults().compare(Frame.of(DoubleColumn.of("x", ref)),
        Frame.of(DoubleColumn.of("x", cur))).columns().get(0);
    assertThat(c.test()).isEqualTo("ks");
    assertThat(c.score()).isEqualTo(1.0);
    assertThat(c.drifted()).isFalse();
    assertThat(c.verdict()).isEqualTo("no drift");
  }

  @Test
  void binning_negativeZero_isZero() {
    double[] ref = range(0, 25, 1, 0);
    Binning negative = Binning.numeric(ref, new double[] {-0.0, 5, 10});
    Binning positive = Binning.numeric(ref, new double[] {0.0, 5, 10});
    assertThat(negative.current()).containsExactly(positive.current());
    assertThat(negative.reference()).containsExactly(positive.reference());
  }

  @Test
  void categories_fromNumbers_signedZerosAreOneCategory() {
    Frame ref = Frame.of(DoubleColumn.of("x", 0.0, 0.0, 1, 1, 2));
    Frame cur = Frame.of(DoubleColumn.of("x", -0.0, -0.0, 1, 1, 2));
    DriftReport r = new DriftDetector(0.5, Map.of("x", "chisquare"), Map.of()).compare(ref, cur);
    assertThat(r.columns().get(0).score()).isEqualTo(1.0);
    assertThat(KolmogorovSmirnov.test(new double[] {-0.0, 1}, new double[] {0.0, 1}).pValue())
        .isEqualTo(1.0);
  }

  @Test
  void chiSquare_singleCategory_isUndefined() {
    CategoricalTests.Result r = CategoricalTests.chiSquare(new String[] {"a", "a"},
        new String[] {"a", "a", "a"});
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isNaN();
    DriftReport report = new DriftDetector(0.5, Map.of("fuel", "chisquare"), Map.of())
        .compare(Frame.of(StringColumn.of("fuel", "a", "a")),
            Frame.of(StringColumn.of("fuel", "a", "a", "a")));
    ColumnDrift c = report.columns().get(0);
    assertThat(c.undefined()).isTrue();
    assertThat(c.drifted()).isFalse();
    assertThat(c.verdict()).isEqualTo("undefined");
    assertThat(report.toTable()).contains("fuel").contains("undefined").doesNotContain("NaN");
  }
}
