package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fraud-detection example end to end through the CLI, on a reduced row count. */
class FraudExampleTest {
  @TempDir Path work;

  @Test
  void run_generatesDataTrainsAndReports() throws Exception {
    Path project = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"run", "--project", project.toString(), "--params",
        "raw_data.rows=40000", "--workers", "2"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
    assertThat(Files.readAllLines(project.resolve("data/01_raw/creditcard.csv"))).hasSize(40_001);
    JsonNode metrics = new ObjectMapper().readTree(
        project.resolve("data/08_reporting/metrics.json").toFile()).get("values");
    assertThat(metrics.get("roc_auc").asDouble()).isGreaterThan(0.85);
    assertThat(metrics.get("tp").asDouble() + metrics.get("fn").asDouble())
        .as("test frauds: 20%% of the ~69 generated").isBetween(12.0, 16.0);
    assertThat(out.toString()).contains("pr_auc").contains("roc_auc").contains("tp ");
    JsonNode importance = new ObjectMapper().readTree(
        project.resolve("data/08_reporting/feature_importance.json").toFile()).get("gain");
    assertThat(importance.get("V14").asDouble()).isGreaterThan(importance.get("V28").asDouble());
    JsonNode selection = new ObjectMapper().readTree(
        project.resolve("data/08_reporting/model_selection.json").toFile());
    assertThat(selection.get("metric").asText()).isEqualTo("pr_auc");
    assertThat(selection.get("candidates").findValuesAsText("name"))
        .containsExactly("logistic", "xgboost");
    assertThat(selection.get("candidates").get(0).get("trials")).as("l2 grid").hasSize(3);
    assertThat(selection.get("candidates").get(1).get("trials")).as("xgboost grid").hasSize(4);
    String chosen = selection.get("chosen").asText();
    for (String candidate : new String[] {"logistic", "xgboost"}) {
      assertThat(metrics.has(candidate + ".validation_pr_auc")).as(candidate).isTrue();
      assertThat(metrics.get(candidate + ".test_pr_auc").asDouble()).as(candidate)
          .isBetween(0.0, 1.0);
    }
    JsonNode manifest = new ObjectMapper().readTree(
        project.resolve("data/06_models/bundle/bundle.json").toFile());
    assertThat(manifest.get("model_format").asText()).as("the bundle holds the chosen model")
        .isEqualTo(chosen.equals("logistic") ? "kiln-linear-json" : "xgboost-json");
    assertThat(Files.readString(project.resolve("data/06_models/preprocessor.json")))
        .contains("affine");
    String runId = out.toString().substring(out.toString().indexOf("Tracked as run ") + 15)
        .split(" ")[0];
    try (var store = dev.kiln.tracking.TrackingStores.sqlite(
        project.resolve(".kiln/tracking.db"))) {
      var curve = store.getMetricHistory(runId, "metrics.validation_aucpr");
      assertThat(curve).as("the validation PR-AUC of every boosting round, by step")
          .hasSizeGreaterThan(5);
      assertThat(curve.get(curve.size() - 1).step()).isEqualTo(curve.size() - 1);
      Path artifacts = project.resolve(".kiln/artifacts")
          .resolve(store.getRun(runId).artifactFolder());
      assertThat(artifacts.resolve("metrics.json")).as("kiln.yml's tracking.artifacts")
          .hasSameTextualContentAs(project.resolve("data/08_reporting/metrics.json"));
      assertThat(artifacts.resolve("feature_importance.json")).exists();
    }
  }

  @Test
  void run_failingValidation_stopsBeforeTrainingAndKeepsTheReport() throws Exception {
    Path project = work.resolve("fraud-bad");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    Files.writeString(project.resolve("conf/base/schema.yml"),
        "columns:\n  Amount: {type: double, max: 100, policy: quarantine}\n"
            + "  Class: {type: long, max: 0}\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"run", "--project", project.toString(), "--params",
        "raw_data.rows=5000"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("Validation failed: max on 'Class'")
        .contains("data/08_reporting/validation.json").contains("Nodes not run");
    assertThat(Files.exists(project.resolve("data/08_reporting/validation.json"))).isTrue();
    assertThat(Files.readString(project.resolve("data/02_intermediate/quarantined.csv")))
        .contains("Amount: max");
    assertThat(Files.exists(project.resolve("data/06_models/bundle/bundle.json"))).isFalse();
  }
}
