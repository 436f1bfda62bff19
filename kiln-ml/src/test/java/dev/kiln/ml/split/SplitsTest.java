package dev.kiln.ml.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static final int[] CLASSES = IntStream.range(0, 1000).map(i -> i % 50 == 0 ? 1 : 0)
      .toArray();

  @Test
  void trainTest_stratified_keepsClassShareAndPartitionsRows() {
    Split split = Splits.trainTest(1000, 0.2, 3, CLASSES);
    assertThat(split.test()).hasSize(200);
    assertThat(Arrays.stream(split.test()).filter(i -> CLASSES[i] == 1).count()).isEqualTo(4);
    assertThat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test()))
        .sorted().toArray()).isEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void trainTest_sameSeed_sameSplit_otherSeed_otherSplit() {
    assertThat(Splits.trainTest(100, 0.3, 1, null).test())
        .isEqualTo(Splits.trainTest(100, 0.3, 1, null).test())
        .isNotEqualTo(Splits.trainTest(100, 0.3, 2, null).test());
  }

  @Test
  void kFold_stratified_everyRowTestedOnceAndClassesSpread() {
    List<Split> folds = Splits.kFold(1000, 5, 9, CLASSES);
    int[] tested = new int[1000];
    for (Split f : folds) {
      Arrays.stream(f.test()).forEach(i -> tested[i]++);
      assertThat(Arrays.stream(f.test()).filter(i -> CLASSES[i] == 1).count()).isEqualTo(4);
      assertThat(f.train().length + f.test().length).isEqualTo(1000);
    }
    assertThat(tested).containsOnly(1);
  }

  @Test
  void badArguments_throwWithHint() {
    assertThatThrownBy(() -> Splits.trainTest(10, 1.5, 1, null))
        .isInstanceOf(KilnException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Splits.kFold(10, 1, 1, null)).hasMessageContaining("k=1");
  }
}
