package dev.kiln.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
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
}
