package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln tracking serve}'s network defaults and token checks, in real child processes. */
class TrackingServeTest {
  @TempDir Path work;
  private Path project;

  @BeforeEach
  void newProject() {
    assertThat(Main.execute(new String[] {"new", "demo", "--dir", work.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
    project = work.resolve("demo");
  }

  @Test
  void serve_defaultTokenVariableSetButEmpty_refusesToStart() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of("KILN_TRACKING_TOKEN", ""), "tracking",
        "serve", "--project", project.toString(), "--port", "0")) {
      assertThat(kiln.exitCode()).isEqualTo(2);
      assertThat(kiln.output()).contains("Environment variable KILN_TRACKING_TOKEN is empty.",
          "an empty token never turns authentication off").doesNotContain("\tat ");
    }
  }

  @Test
  void serve_tokenEnvNamingEmptyVariable_saysEmpty() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of("MY_TOKEN", " "), "tracking", "serve",
        "--project", project.toString(), "--port", "0", "--token-env", "MY_TOKEN")) {
      assertThat(kiln.exitCode()).isEqualTo(2);
      assertThat(kiln.output()).contains("Environment variable MY_TOKEN (from --token-env) is"
          + " empty.");
    }
  }

  @Test
  void modelServe_tokenEnvNamingEmptyVariable_saysEmpty() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of("MY_TOKEN", ""), "serve", "anything",
        "--project", project.toString(), "--port", "0", "--token-env", "MY_TOKEN")) {
      assertThat(kiln.exitCode()).isEqualTo(2);
      assertThat(kiln.output()).contains("Environment variable MY_TOKEN (from --token-env) is"
          + " empty.").doesNotContain("is not set");
    }
  }

  @Test
  void serve_byDefault_bindsLoopbackWithoutWarning() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of(), "tracking", "serve", "--project",
        project.toString(), "--port", "0")) {
      String banner = kiln.awaitLine("Tracking server for demo");
      assertThat(banner).contains("on http://127.0.0.1:", "no authentication");
      assertThat(kiln.output()).doesNotContain("Warning");
    }
  }

  @Test
  void serve_allInterfacesWithoutToken_warnsNamingTheFix() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of(), "tracking", "serve", "--project",
        project.toString(), "--port", "0", "--host", "0.0.0.0")) {
      kiln.awaitLine("Tracking server for demo on http://0.0.0.0:");
      assertThat(kiln.awaitLine("Warning")).contains("can read and change every run and model",
          "Set KILN_TRACKING_TOKEN");
    }
  }
}
