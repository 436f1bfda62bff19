package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The drift test vectors of shared/STATS.md §4 (SciPy 1.10.1 / Evidently values). */
class DriftVectorsTest {
  private static final double[] REF = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();
  private static final double[] CUR = IntStream.rangeClosed(4, 13).asDoubleStream().toArray();
  private static final double[] CUR2 = {0.5, 2.5, 6.5, 9.5, 11, 12, 14};

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
  }

  @Test
  void ks_equalSizes_exact() {
    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(REF, CUR);
    close(r.statistic(), 0.3);
    close(r.pValue(), 0.7869297884777761);
    assertThat(r.exact()).isTrue();
  }

  @Test
  void ks_unequalSizes_exactInsideMethod() {
    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(REF, CUR2);
    close(r.statistic(), 0.4714285714285714);
    close(r.pValue(), 0.23256890168654876);
  }

  @Test
  void wasserstein_normedByPopulationStd() {
    close(Wasserstein.distance(REF, CUR2), 2.8142857142857145);
    close(Wasserstein.normed(REF, CUR2), 0.979808520664928);
    close(Wasserstein.normed(REF, CUR), 1.0444659357341872);
  }

  @Test
  void psiAndJs_categoricalPath() {
    Binning b = Binning.categorical(new String[] {"a", "a", "a", "b", "b", "c", "c", "c", "c",
        "d"}, new String[] {"a", "b", "b", "b", "c", "c", "c", "e", "e", "e"});
    assertThat(b.zeroFilled().reference()).containsExactly(new double[] {.3, .2, .4, .1, 1e-4},
        within(1e-15));
    close(Distances.psi(b), 3.380231561698241);
    close(Distances.jensenShannon(b), 0.4164245408698969);
    Binning numeric = Binning.numeric(REF, CUR2);
    close(Distances.psi(numeric), 14.16019264546798);
    close(Distances.jensenShannon(numeric), 0.8325546111576977);
  }

  @Test
  void psiAndJs_sturgesPath() {
    double[] ref = IntStream.range(0, 25).asDoubleStream().toArray();
    double[] cur = IntStream.range(5, 30).asDoubleStream().toArray();
    Binning b = Binning.numeric(ref, cur);
    assertThat(b.reference()).hasSize(7);
    close(Distances.psi(b), 3.038840803324925);
    close(Distances.jensenShannon(b), 0.3723297411059034);
    double[] ref2 = IntStream.rangeClosed(0, 20).mapToDouble(i -> i * 0.5).toArray();
    double[] cur3 = IntStream.rangeClosed(0, 11).mapToDouble(i -> 3 + i * 0.5).toArray();
    Binning b2 = Binning.numeric(ref2, cur3);
    close(Distances.psi(b2), 3.3509832470143923);
    close(Distances.jensenShannon(b2), 0.4220495074991552);
  }

  @Test
  void chiSquare_andUnseenCategory() {
    CategoricalTests.Result r = CategoricalTests.chiSquare(new String[] {"a", "a", "b", "b", "b",
        "c"}, new String[] {"a", "b", "b", "c", "c", "c"});
    close(r.statistic(), 4.833333333333333);
    close(r.pValue(), 0.08921851740926015);
    CategoricalTests.Result unseen = CategoricalTests.chiSquare(new String[] {"a", "a", "a", "b",
        "b", "c", "c", "c", "c", "d"}, new String[] {"a", "b", "b", "b", "c", "c", "c", "e", "e",
        "e"});
    assertThat(unseen.statistic()).isInfinite();
    assertThat(unseen.pValue()).isEqualTo(0.0);
  }

  @Test
  void zTest_andConstantSamples() {
    CategoricalTests.Result r = CategoricalTests.zTest(
        new String[] {"x", "x", "x", "y", "y", "y", "y", "y"},
        new String[] {"x", "y", "y", "y", "y", "y", "y", "y", "y", "y"});
    close(r.statistic(), -1.3945045203020523);
    close(r.pValue(), 0.16316530543754282);
    assertThat(CategoricalTests.zTest(new String[] {"x", "x"}, new String[] {"x", "x", "x"})
        .pValue()).isEqualTo(1.0);
  }

  @Test
  void lInfinity_tfdvExample() {
    CategoricalTests.LInfinity d = CategoricalTests.lInfinity(Map.of("a", .3, "b", .7),
        Map.of("b", .9, "c", .1));
    close(d.distance(), 0.3);
    assertThat(d.category()).isEqualTo("a");
  }

  @Test
  void emptyAfterCleaning_isAnError() {
    assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {Double.NaN,
        Double.POSITIVE_INFINITY}, CUR)).hasMessageContaining("reference sample has no values");
  }
}
