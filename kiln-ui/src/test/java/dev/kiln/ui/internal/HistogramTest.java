package dev.kiln.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.quality.profile.DataProfile;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistogramTest {
  private static DataProfile numbers(double... values) {
    return DataProfile.of(Frame.of(DoubleColumn.of("x", values)));
  }

  @Test
  void of_numbers_hasRoundEdgesAndSharesThatSumToOne() {
    double[] ref = IntStream.range(0, 1000).mapToDouble(i -> i / 10.0).toArray();
    double[] cur = IntStream.range(0, 1000).mapToDouble(i -> 50 + i / 10.0).toArray();
    Histogram h = Histogram.of(numbers(ref).columns().get(0), numbers(cur).columns().get(0));
    assertThat(h.numeric()).isTrue();
    assertThat(Arrays.stream(h.reference()).sum()).isCloseTo(1, within(1e-9));
    assertThat(Arrays.stream(h.current()).sum()).isCloseTo(1, within(1e-9));
    assertThat(h.labels()).contains("[0, 20)", "[20, 40)", "[120, 140)");
    assertThat(h.reference()[0]).as("0..19.9 is a fifth of the reference").isCloseTo(0.2,
        within(0.02));
    assertThat(h.current()[0]).isZero();
    assertThat(h.edges()).hasSize(h.labels().size() + 1);
  }

  @Test
  void of_numbers_withATail_addsAnOpenBinForIt() {
    double[] ref = new double[1000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = i % 100;
    }
    ref[0] = 10_000;
    Histogram h = Histogram.of(numbers(ref).columns().get(0), numbers(ref).columns().get(0));
    assertThat(h.labels().get(h.labels().size() - 1)).startsWith("≥ ");
    assertThat(h.reference()[h.labels().size() - 1]).as("one value in 1,000, within the KLL"
        + " sketch's rank error").isPositive().isCloseTo(0.001, within(0.005));
  }

  @Test
  void of_constantReference_stillDrawsBothSides() {
    double[] ref = new double[200];
    double[] cur = IntStream.range(0, 200).mapToDouble(i -> i % 3).toArray();
    Histogram h = Histogram.of(numbers(ref).columns().get(0), numbers(cur).columns().get(0));
    assertThat(Arrays.stream(h.reference()).sum()).isCloseTo(1, within(1e-9));
    assertThat(h.reference()[0]).as("all of the reference sits in the first bin").isEqualTo(1);
    assertThat(Arrays.stream(h.current()).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void of_text_keepsTheLargestCategoriesAndGroupsTheRest() {
    String[] ref = new String[300];
    String[] cur = new String[300];
    for (int i = 0; i < 300; i++) {
      ref[i] = "c" + (i % 20);
      cur[i] = i < 150 ? "diesel" : "c" + (i % 20);
    }
    Histogram h = Histogram.of(DataProfile.of(Frame.of(StringColumn.of("fuel", ref))).columns()
        .get(0), DataProfile.of(Frame.of(StringColumn.of("fuel", cur))).columns().get(0));
    assertThat(h.numeric()).isFalse();
    assertThat(h.labels().get(0)).isEqualTo("diesel");
    assertThat(h.current()[0]).isCloseTo(0.5, within(1e-9));
    assertThat(h.labels()).hasSize(13).endsWith("other");
    assertThat(Arrays.stream(h.reference()).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void format_keepsEdgesShort() {
    assertThat(Histogram.format(20)).isEqualTo("20");
    assertThat(Histogram.format(0.30000000000000004)).isEqualTo("0.3");
    assertThat(Histogram.format(-2.5)).isEqualTo("-2.5");
    assertThat(Histogram.format(2002.5)).as("a year edge of a 2.5 step").isEqualTo("2002.5");
    assertThat(Histogram.format(1.5e-6)).isEqualTo("1.50e-06");
    assertThat(Histogram.niceStep(7.3)).isEqualTo(10);
    assertThat(Histogram.niceStep(0.21)).isEqualTo(0.25);
  }
}
