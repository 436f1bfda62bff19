package dev.kiln.quality.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.quality.profile.DataProfile;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Profile-based drift approximates the exact statistics. */
class ProfileDriftTest {
  private static Frame data(long seed, double shift, double electric) {
    Random r = new Random(seed);
    int n = 50_000;
    double[] x = new double[n];
    String[] fuel = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() * 3 + shift;
      fuel[i] = r.nextDouble() < electric ? "electric" : r.nextBoolean() ? "petrol" : "diesel";
    }
    return Frame.of(DoubleColumn.of("x", x), StringColumn.of("fuel", fuel));
  }

  @Test
  void profileDrift_isCloseToTheExactStatistics() {
    Frame ref = data(1, 0, 0.05);
    Frame cur = data(2, 0.9, 0.3);
    DriftReport approx = ProfileDrift.compare(DataProfile.of(ref), DataProfile.of(cur), 0.5);
    DriftReport exact = DriftDetector.defaults().compare(ref, cur);
    assertThat(approx.columns().get(0).test()).isEqualTo("wasserstein~");
    assertThat(approx.columns().get(0).score()).isCloseTo(exact.columns().get(0).score(),
        within(0.02));
    assertThat(approx.columns().get(1).score()).isCloseTo(exact.columns().get(1).score(),
        within(0.02));
    assertThat(approx.datasetDrift()).isEqualTo(exact.datasetDrift()).isTrue();
  }

  @Test
  void profileDrift_sameDistribution_noDrift() {
    DriftReport report = ProfileDrift.compare(DataProfile.of(data(3, 0, 0.1)),
        DataProfile.of(data(4, 0, 0.1)), 0.5);
    assertThat(report.columns()).noneMatch(ColumnDrift::drifted);
  }
}
