package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLOps loop of the used-car README, run as written: validate, train and promote, serve,
 * send the drifted batch through the server, monitor (drift and decay), retrain on drift,
 * promote, and the server's hot reload.
 */
class UsedCarWalkTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path work;

  @Test
  void the_readme_loop_runs_end_to_end() throws Exception {
    ProjectCopies.copy(REPO.resolve("examples/used-car-prices"),
        work.resolve("examples/used-car-prices"));
    ShellWalk.Result walk = ShellWalk.run(REPO.resolve("examples/used-car-prices/README.md"),
        work);
    assertThat(walk.exitCode()).as(walk.output()).isZero();
    assertThat(walk.output())
        .contains("Validation failed")
        .contains("Promoted: used-car-prices@champion -> version 1")
        .contains("Scored 10,000 rows through")
        .as("the registry version").contains("Model used-car-prices version 1:")
        .contains("Dataset drift: YES").contains("Prediction drift: YES").contains("DECAY")
        .contains("Promoted: used-car-prices@champion -> version 2")
        .contains("\"version\":\"2\"");
    try (var reports = Files.list(work.resolve(
        "examples/used-car-prices/.kiln/monitoring/used-car-prices"))) {
      assertThat(reports.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".html")).contains("latest.json");
    }
  }
}
