package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blessing rule's decisions, with the numbers in the reasons. */
class BlessingRuleTest {
  @Test
  void error_metric_may_be_worse_only_within_the_allowed_share() {
    BlessingRule rule = new BlessingRule("rmse", 0.02, null);
    assertThat(rule.judge(Map.of("rmse", 101.9), Map.of("rmse", 100.0)).blessed()).isTrue();
    BlessingRule.Verdict refused = rule.judge(Map.of("rmse", 102.5), Map.of("rmse", 100.0));
    assertThat(refused.blessed()).isFalse();
    assertThat(refused.reasons().get(0)).contains("FAILED rmse").contains("challenger 102.5")
        .contains("champion 100").contains("limit 102");
  }

  @Test
  void score_metric_must_stay_above_the_champion_and_the_floor() {
    BlessingRule rule = new BlessingRule("roc_auc", 0.01, 0.9);
    assertThat(rule.judge(Map.of("roc_auc", 0.95), Map.of("roc_auc", 0.955)).blessed()).isTrue();
    assertThat(rule.judge(Map.of("roc_auc", 0.93), Map.of("roc_auc", 0.96)).blessed()).isFalse();
    BlessingRule.Verdict belowFloor = rule.judge(Map.of("roc_auc", 0.85), null);
    assertThat(belowFloor.blessed()).isFalse();
    assertThat(belowFloor.reasons()).anyMatch(r -> r.contains("no champion yet"))
        .anyMatch(r -> r.contains("FAILED floor: roc_auc 0.85 must be >= 0.9"));
  }

  @Test
  void first_model_needs_only_the_floor() {
    assertThat(new BlessingRule("mae", 0, 500.0).judge(Map.of("mae", 499.0), null).blessed())
        .isTrue();
  }

  @Test
  void unknown_metric_is_named_with_the_choices() {
    assertThatThrownBy(() -> new BlessingRule("auc", 0, null).judge(Map.of("roc_auc", 0.9),
        null)).isInstanceOf(LifecycleException.class).hasMessageContaining("no metric 'auc'")
        .satisfies(e -> assertThat(((LifecycleException) e).hint()).hasValueSatisfying(
            h -> assertThat(h).contains("roc_auc")));
  }
}
