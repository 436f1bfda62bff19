package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostCheckTest {
  @Test
  void hostOf_stripsPortBracketsCaseAndFinalDot() {
    assertThat(HostCheck.hostOf("LocalHost:5000")).isEqualTo("localhost");
    assertThat(HostCheck.hostOf("[::1]:5000")).isEqualTo("::1");
    assertThat(HostCheck.hostOf("mlflow.example.com.")).isEqualTo("mlflow.example.com");
    assertThat(HostCheck.hostOf(" 10.0.0.7 ")).isEqualTo("10.0.0.7");
  }

  @Test
  void accepts_loopbackNamesAndIpLiterals_byDefault_butNoDomain() {
    HostCheck check = new HostCheck("127.0.0.1", List.of());
    assertThat(List.of("localhost", "127.0.0.1", "127.8.9.1", "::1", "10.1.2.3", "203.0.113.9",
        "fe80::1")).allMatch(check::accepts);
    assertThat(List.of("evil.example", "localhost.evil.example", "127.0.0.1.nip.io"))
        .noneMatch(check::accepts);
  }

  @Test
  void accepts_bindHostAndAllowedPatterns() {
    HostCheck check = new HostCheck("mlflow.internal", List.of("*.corp.example", "Tracking.Lab"));
    assertThat(List.of("mlflow.internal", "a.corp.example", "x.y.corp.example", "tracking.lab"))
        .allMatch(check::accepts);
    assertThat(List.of("corp.example", "corp.example.evil", "evilcorp.example"))
        .noneMatch(check::accepts);
    assertThat(new HostCheck("0.0.0.0", List.of("*")).accepts("anything.example")).isTrue();
  }

  @Test
  void isLoopback_namesTheLoopbackInterfaces() {
    assertThat(HostCheck.isLoopback("127.0.0.1")).isTrue();
    assertThat(HostCheck.isLoopback("localhost")).isTrue();
    assertThat(HostCheck.isLoopback("[::1]")).isTrue();
    assertThat(HostCheck.isLoopback("0.0.0.0")).isFalse();
    assertThat(HostCheck.isLoopback("10.0.0.1")).isFalse();
  }
}
