package dev.kiln.ml.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.preprocess.CategoricalEncoder;
import dev.kiln.ml.preprocess.OneHotEncoder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutoPreprocessingTest {
  private static Frame frame() {
    return Frame.of(
        StringColumn.of("city", IntStream.range(0, 40).mapToObj(i -> "c" + i).toArray(String[]::new)),
        StringColumn.of("kind", IntStream.range(0, 40).mapToObj(i -> "k" + i % 3).toArray(String[]::new)));
  }

  @Test
  void xgboost_manyValuesAreCodes_fewAreSparseOneHot() {
    assertThat(AutoPreprocessing.steps(frame(), "xgboost")).containsExactly(
        new OneHotEncoder(List.of("kind"), "infrequent_if_exist", null, null),
        new CategoricalEncoder(List.of("city")));
  }

  @Test
  void linear_oneHotIsBoundedWithExplicitZeros() {
    assertThat(AutoPreprocessing.steps(frame(), "linear")).containsExactly(new OneHotEncoder(
        List.of("city", "kind"), "infrequent_if_exist", AutoPreprocessing.ONE_HOT_MAX, null,
        false));
  }
}
