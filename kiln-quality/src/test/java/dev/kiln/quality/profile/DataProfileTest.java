package dev.kiln.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.BitSet;
import java.util.Random;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;

class DataProfileTest {
  @Test
  void profile_countsMomentsQuantilesAndItems_roundTripsThroughJson() {
    Random r = new Random(1);
    int n = 100_000;
    double[] x = new double[n];
    String[] fuel = new String[n];
    BitSet missing = new BitSet();
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() * 2 + 10;
      fuel[i] = i % 10 == 0 ? "electric" : i % 3 == 0 ? null : "petrol";
      if (i % 100 == 0) {
        missing.set(i);
      }
    }
    Frame frame = Frame.of(new DoubleColumn("x", x, missing), StringColumn.of("fuel", fuel));
    DataProfile profile = DataProfile.fromJson(DataProfile.of(frame).toJson());
    ColumnProfile px = profile.columns().get(0);
    assertThat(px.count()).isEqualTo(99_000);
    assertThat(px.nulls()).isEqualTo(1_000);
    assertThat(px.mean()).isCloseTo(10, within(0.05));
    assertThat(px.std()).isCloseTo(2, within(0.05));
    assertThat(px.quantiles().get("p50")).isCloseTo(10, within(0.1));
    assertThat(px.sketch().getRank(10 + 2 * 1.6449, QuantileSearchCriteria.INCLUSIVE))
        .isCloseTo(0.95, within(0.015));
    ColumnProfile pf = profile.columns().get(1);
    assertThat(pf.nulls()).isEqualTo(n / 3 + 1 - n / 30 - 1);
    assertThat(pf.frequentItems().get(0).item()).isEqualTo("petrol");
    assertThat(pf.frequentItems()).extracting(ColumnProfile.ItemCount::item).contains("electric");
  }
}
