package dev.kiln.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftTextTest {
  @Test
  void number_threeSignificantDigits_plainUnlessTinyOrHuge() {
    assertThat(DriftText.number(12_214.7)).isEqualTo("12200");
    assertThat(DriftText.number(0.123456)).isEqualTo("0.123");
    assertThat(DriftText.number(2.5)).isEqualTo("2.5");
    assertThat(DriftText.number(5_000_000)).isEqualTo("5.00e+06");
  }

  @Test
  void moved_addsDigitsUntilTwoDifferentValuesReadDifferently() {
    assertThat(DriftText.moved(12_214.7, 19_804.2)).isEqualTo("12200 → 19800");
    assertThat(DriftText.moved(2019.62, 2021.31)).isEqualTo("2020 → 2021");
    assertThat(DriftText.moved(2019.62, 2019.71)).isEqualTo("2019.6 → 2019.7");
    assertThat(DriftText.moved(1.5, 1.5)).isEqualTo("1.5 → 1.5");
  }
}
