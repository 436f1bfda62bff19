package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln ui}'s token checks, in real child processes. */
class UiCommandTest {
  @TempDir Path work;
  private Path project;

  @BeforeEach
  void newProject() {
    assertThat(Main.execute(new String[] {"new", "demo", "--dir", work.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
    project = work.resolve("demo");
  }

  @Test
  void ui_defaultTokenVariableSetButEmpty_refusesToStart() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of("KILN_UI_TOKEN", ""), "ui", "--project",
        project.toString(), "--port", "0", "--host", "0.0.0.0")) {
      assertThat(kiln.exitCode()).isEqualTo(2);
      assertThat(kiln.output()).contains("Environment variable KILN_UI_TOKEN is empty.",
          "an empty token never turns authentication off").doesNotContain("without a token")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void ui_emptyTokenOnLoopback_isRefusedToo() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(Map.of("KILN_UI_TOKEN", " "), "ui", "--project",
        project.toString(), "--port", "0")) {
      assertThat(kiln.exitCode()).isEqualTo(2);
      assertThat(kiln.output()).contains("Environment variable KILN_UI_TOKEN is empty.");
    }
  }
}
