package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.deploy.image.RegistryPush;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registry credentials from the environment: both or neither, and never printed. */
class RegistryPushTest {
  @Test
  void fromEnvironment_userAndPassword_readAndRedacted() {
    RegistryPush push = RegistryPush.fromEnvironment(Map.of("KILN_REGISTRY_USERNAME", "ci",
        "KILN_REGISTRY_PASSWORD", "tok-123"), true);
    assertThat(push.username()).isEqualTo("ci");
    assertThat(push.password()).isEqualTo("tok-123");
    assertThat(push.toString()).contains("ci").doesNotContain("tok-123");
  }

  @Test
  void fromEnvironment_neither_usesLoginFiles() {
    RegistryPush push = RegistryPush.fromEnvironment(Map.of("KILN_REGISTRY_USERNAME", " "),
        false);
    assertThat(push.username()).isNull();
    assertThat(push.password()).isNull();
  }

  @Test
  void fromEnvironment_passwordWithoutUser_throwsWithHint() {
    assertThatThrownBy(() -> RegistryPush.fromEnvironment(Map.of("KILN_REGISTRY_PASSWORD",
        "tok-123"), false)).isInstanceOf(DeployException.class)
        .hasMessageContaining("only KILN_REGISTRY_PASSWORD is")
        .hasMessageNotContaining("tok-123");
  }
}
