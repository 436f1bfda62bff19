package dev.kiln.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalEncoderTest {
  @Test
  void codes_sortedTrainingCategories_unseenAndMissingAreNaN_afterJsonRoundTrip() {
    Frame train = Frame.of(StringColumn.of("city", "paris", "lyon", "nice", "lyon"));
    FittedPreprocessor fitted = FittedPreprocessor.fromJson(
        new Preprocessor(List.of(new CategoricalEncoder(List.of("city")))).fit(train).toJson());
    assertThat(fitted.toJson()).contains("\"kind\" : \"categorical\"", "[ \"lyon\", \"nice\", \"paris\" ]");
    assertThat(fitted.categoricalFeatures()).containsExactly("city");
    Frame out = fitted.transform(Frame.of(StringColumn.of("city", "nice", "rome", null, "lyon")));
    assertThat(out.column("city").toDoubleArray()).containsExactly(1, Double.NaN, Double.NaN, 0);
  }

  @Test
  void codes_ofANumberColumn_byItsText_andOfATakenTextColumn_byItsRows() {
    Frame train = Frame.of(LongColumn.of("floor", new long[] {3, 1, 2}),
        StringColumn.of("city", "paris", "lyon", "nice"));
    FittedPreprocessor fitted = new Preprocessor(List.of(new CategoricalEncoder(
        List.of("floor", "city")))).fit(train);
    Frame input = Frame.of(LongColumn.of("floor", new long[] {2, 9, 1, 3}),
        StringColumn.of("city", "rome", "paris", "nice", "lyon")).take(new int[] {3, 1, 2});
    Frame out = fitted.transform(input);
    assertThat(out.column("floor").toDoubleArray()).containsExactly(2, Double.NaN, 0);
    assertThat(out.column("city").toDoubleArray()).containsExactly(0, 2, 1);
  }
}
