package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecayCheckTest {
  private static final long HOUR = 3_600_000_000L;

  private static BundleManifest regression(Map<String, Double> metrics) {
    return new BundleManifest(1, "price", "1", Task.REGRESSION, "2026-01-01T00:00:00Z", "y",
        List.of(), List.of(), null, "linear-json", "model.json", "preprocessing.json", metrics,
        null, Map.of(), Map.of(), null);
  }

  /** Four rows in the first hour (STATS.md's regression vector), two in the third. */
  private static Frame logs() {
    return Frame.of(DoubleColumn.of("prediction", 2.5, 0, 2, 8, 10, 10),
        StringColumn.of("request_id", "a", "a", "b", "c", "d", "e"),
        LongColumn.of("row", 0, 1, 0, 0, 0, 0),
        TimestampColumn.of("timestamp", 0, 10, 20, HOUR - 1, 2 * HOUR, 2 * HOUR + 5));
  }

  @Test
  void evaluate_regression_rmseAndMaePerWindow_againstTheBundle() {
    Frame labels = Frame.of(StringColumn.of("request_id", "a", "a", "b", "c", "d", "e", "zz"),
        LongColumn.of("row", 0, 1, 0, 0, 0, 0, 0), DoubleColumn.of("label", 3, -0.5, 2, 7, 10, 12, 1));
    List<DecayCheck.Window> w = new DecayCheck(Duration.ofHours(1), 0.1)
        .evaluate(regression(Map.of("rmse", 0.6, "mae", 0.5)), logs(), labels);
    assertThat(w).extracting(DecayCheck.Window::metric).containsExactly("rmse", "mae", "rmse",
        "mae");
    assertThat(w.get(0).start()).isEqualTo(Instant.EPOCH);
    assertThat(w.get(0).rows()).isEqualTo(4);
    assertThat(w.get(0).value()).isEqualTo(0.6123724356957945);
    assertThat(w.get(0).decayed()).isFalse();
    assertThat(w.get(1).value()).isEqualTo(0.5);
    assertThat(w.get(2).start()).isEqualTo(Instant.EPOCH.plus(Duration.ofHours(2)));
    assertThat(w.get(2).value()).isEqualTo(Math.sqrt(2));
    assertThat(w.get(2).decayed()).isTrue();
  }

  @Test
  void evaluate_rowDefaultsTo0_andUnmatchedLabelsAreAnError() {
    Frame labels = Frame.of(StringColumn.of("request_id", "b"), DoubleColumn.of("label", 2));
    assertThat(new DecayCheck(Duration.ofHours(1), 0.1).evaluate(regression(Map.of()), logs(),
        labels)).first().satisfies(w -> {
          assertThat(w.rows()).isEqualTo(1);
          assertThat(w.baseline()).isNull();
          assertThat(w.decayed()).isFalse();
        });
    Frame none = Frame.of(StringColumn.of("request_id", "nope"), DoubleColumn.of("label", 2));
    assertThatThrownBy(() -> new DecayCheck(Duration.ofHours(1), 0.1)
        .evaluate(regression(Map.of()), logs(), none))
        .hasMessageContaining("No label matches a logged prediction of model 'price'");
  }
}
