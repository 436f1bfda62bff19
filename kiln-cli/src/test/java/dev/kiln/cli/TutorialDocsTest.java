package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/tutorial.md as a reader would, in a folder laid out like the checkout: every
 * {@code sh} block runs and every file block is saved where it says, from the CSV to a served
 * model.
 */
class TutorialDocsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final String DATA = "docs/tutorial/customers.csv";

  @TempDir Path work;

  @Test
  void tutorial_fromCsvToServedModel_runs() throws Exception {
    Files.createDirectories(work.resolve(DATA).getParent());
    Files.copy(REPO.resolve(DATA), work.resolve(DATA));
    ShellWalk.Result walk = ShellWalk.runPage(REPO.resolve("docs/tutorial.md"), work, 900);
    assertThat(walk.exitCode()).as(walk.output()).isZero();
    assertThat(walk.output())
        .contains("churn_rate.month-to-month").contains("churn_rate.two-year")
        .contains("roc_auc").containsPattern("split\\s+cached")
        .contains("customer_id,tenure_months,monthly_charges")
        .contains("\"probability\"");
    assertThat(Files.readString(work.resolve("churn/src/main/java/churn/Pipelines.java")))
        .contains("implements PipelineRegistry");
    assertThat(Files.readString(work.resolve("churn/data/07_model_output/scores.csv"))
        .lines().findFirst().orElseThrow()).endsWith(",probability,prediction");
  }
}
