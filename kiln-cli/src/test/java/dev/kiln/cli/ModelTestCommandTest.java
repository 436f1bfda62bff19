package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln test}: the fraud example's model tests pass, a wrong one fails and blocks retrain. */
class ModelTestCommandTest {
  @TempDir static Path work;
  static Path project;

  @BeforeAll
  static void trainSmallFraudModel() throws Exception {
    project = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    ModelsCommandTest.kiln(0, "run", "--project", project.toString(), "--params",
        "raw_data.rows=20000");
  }

  @Test
  void exampleTests_pass_andAreTracked() {
    String out = ModelsCommandTest.kiln(0, "test", "--project", project.toString());
    assertThat(out).contains("kind", "result", "golden", "obvious fraud", "directional")
        .contains("0 failed").contains("Tracked as run");
  }

  @Test
  void wrongGolden_failsWithExit4_andRetrainRefusesTheChallenger() throws Exception {
    Path env = Files.createDirectories(project.resolve("conf/strict"));
    Files.writeString(env.resolve("model_tests.yml"), "golden:\n  - name: ordinary is fraud\n"
        + "    input: {V1: 0, V2: 0, V3: 0, V4: 0, V5: 0, V6: 0, V7: 0, V8: 0, V9: 0, V10: 0,"
        + " V11: 0, V12: 0, V13: 0, V14: 0, V15: 0, V16: 0, V17: 0, V18: 0, V19: 0, V20: 0,"
        + " V21: 0, V22: 0, V23: 0, V24: 0, V25: 0, V26: 0, V27: 0, V28: 0, Amount: 25,"
        + " Time: 50400}\n    expect: {probability: 0.9}\n    tolerance: 0.05\n");
    String out = ModelsCommandTest.kiln(4, "test", "--project", project.toString(), "--env",
        "strict", "--no-record");
    assertThat(out).contains("ordinary is fraud").contains("failed").contains("1 failed");
    String retrain = ModelsCommandTest.kiln(4, "retrain", "--project", project.toString(),
        "--env", "strict", "--params", "raw_data.rows=20000");
    assertThat(retrain).contains("FAILED model tests").contains("Refused");
  }

  @Test
  void malformedTests_areABadInput_namingTheLine() throws Exception {
    Path env = Files.createDirectories(project.resolve("conf/typo"));
    Files.writeString(env.resolve("model_tests.yml"), "golden:\n  - name: x\n    inputs: {}\n");
    String out = ModelsCommandTest.kiln(2, "test", "--project", project.toString(), "--env",
        "typo");
    assertThat(out).contains("at 'golden[0].inputs'");
  }
}
