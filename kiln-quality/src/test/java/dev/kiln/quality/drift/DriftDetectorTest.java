package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
  private static Frame cars(int n, long seed, double mileageShift, double electricShare) {
    Random r = new Random(seed);
    double[] mileage = new double[n];
    String[] fuel = new String[n];
    double[] owners = new double[n];
    for (int i = 0; i < n; i++) {
      mileage[i] = 60_000 + 20_000 * r.nextGaussian() + mileageShift;
      fuel[i] = r.nextDouble() < electricShare ? "electric" : r.nextBoolean() ? "petrol" : "diesel";
      owners[i] = 1 + r.nextInt(2);
    }
    return Frame.of(DoubleColumn.of("mileage", mileage), StringColumn.of("fuel", fuel),
        DoubleColumn.of("owners", owners));
  }

  @Test
  void smallReference_usesStatisticalTests_andFindsDrift() {
    DriftReport report = DriftDetector.defaults().compare(cars(500, 1, 0, 0.05),
        cars(400, 2, 15_000, 0.4));
    assertThat(report.columns()).extracting(ColumnDrift::test)
        .containsExactly("ks", "chisquare", "z");
    assertThat(report.columns().get(0).drifted()).isTrue();
    assertThat(report.columns().get(1).drifted()).isTrue();
    assertThat(report.columns().get(2).drifted()).isFalse();
    assertThat(report.share()).isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(report.datasetDrift()).isTrue();
  }

  @Test
  void largeReference_usesDistances_andSameDistributionDoesNotDrift() {
    DriftReport report = DriftDetector.defaults().compare(cars(5000, 3, 0, 0.05),
        cars(5000, 4, 0, 0.05));
    assertThat(report.columns()).extracting(ColumnDrift::test)
        .containsExactly("wasserstein", "jensenshannon", "jensenshannon");
    assertThat(report.datasetDrift()).isFalse();
    assertThat(report.columns()).noneMatch(ColumnDrift::drifted);
  }

  @Test
  void overrides_changeTestAndThreshold() {
    DriftDetector detector = new DriftDetector(0.5, Map.of("mileage", "psi"),
        Map.of("mileage", 5.0));
    ColumnDrift mileage = detector.compare(cars(500, 1, 0, 0), cars(500, 2, 15_000, 0))
        .columns().get(0);
    assertThat(mileage.test()).isEqualTo("psi");
    assertThat(mileage.threshold()).isEqualTo(5.0);
    assertThat(mileage.drifted()).isFalse();
    assertThatThrownBy(() -> new DriftDetector(0.5, Map.of("fuel", "magic"), Map.of())
        .compare(cars(10, 1, 0, 0), cars(10, 2, 0, 0))).hasMessageContaining("'magic'");
  }
}
