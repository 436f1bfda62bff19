package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the worked example of docs/serving.md against a freshly trained fraud model. */
class ServingDocsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path work;

  @Test
  void serving_walkthrough_runs() throws Exception {
    Path project = work.resolve("examples/fraud-detection");
    ProjectCopies.copy(REPO.resolve("examples/fraud-detection"), project);
    ModelsCommandTest.kiln(0, "run", "--project", project.toString(), "--params",
        "raw_data.rows=20000");
    ShellWalk.Result walk = ShellWalk.run(REPO.resolve("docs/serving.md"), work);
    assertThat(walk.exitCode()).as(walk.output()).isZero();
    assertThat(walk.output()).contains("\"ready\":true").contains("\"predictions\"")
        .contains("\"explanations\"").contains("kiln_requests_total");
  }
}
