package dev.kiln.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnRuleTest {
  @Test
  void of_andWithers_setOneFieldEach_andLeaveTheRest() {
    ColumnRule rule = ColumnRule.of(ColumnType.STRING).withNullable(false)
        .withCategories(List.of("a", "b")).withRegex("[ab]").withUnique(true)
        .withPolicy(Policy.QUARANTINE);
    assertThat(rule).isEqualTo(new ColumnRule(ColumnType.STRING, false, null, null,
        List.of("a", "b"), "[ab]", true, Policy.QUARANTINE));
    assertThat(ColumnRule.of(ColumnType.DOUBLE).withRange(0.0, 1.0).withPolicy(Policy.WARN))
        .isEqualTo(new ColumnRule(ColumnType.DOUBLE, null, 0.0, 1.0, null, null, null,
            Policy.WARN));
    assertThat(ColumnRule.of(null).effectivePolicy()).isEqualTo(Policy.FAIL);
  }
}
