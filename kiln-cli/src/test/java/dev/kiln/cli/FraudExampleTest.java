package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Frame;
import dev.kiln.data.io.FrameReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    List<String> importance = Files.readAllLines(
        project.resolve("data/08_reporting/feature_importance.csv"));
    assertThat(importance.get(0)).isEqualTo("feature,mean_abs_shap");
    assertThat(rank(importance, "V14")).as("mean |SHAP|, largest first")
        .isLessThan(rank(importance, "V28"));
    JsonNode selection = new ObjectMapper().readTree(
        project.resolve("data/08_reporting/model_selection.json").toFile());
    assertThat(selection.get("metric").asText()).isEqualTo("pr_auc");
    assertThat(selection.get("candidates").findValuesAsText("name"))
        .containsExactly("logistic", "xgboost");
    assertThat(selection.get("candidates").get(0).get("trials")).as("l2 grid").hasSize(3);
    assertThat(selection.get("candidates").get(1).get("trials")).as("xgboost grid").hasSize(4);
    String chosen = selection.get("chosen").asText();
    for (JsonNode c : selection.get("candidates")) {
      assertThat(c.get("test_score").asDouble()).as(c.get("name").asText()).isBetween(0.0, 1.0);
      if (c.get("name").asText().equals(chosen)) {
        assertThat(c.get("test_score").asDouble()).as("the chosen model's test PR-AUC")
            .isCloseTo(metrics.get("pr_auc").asDouble(), within(1e-9));
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(
        project.resolve("data/06_models/bundle/bundle.json").toFile());
    assertThat(manifest.get("model_format").asText()).as("the bundle holds the chosen model")
        .isEqualTo(chosen.equals("logistic") ? "kiln-linear-json" : "xgboost-json");
    assertThat(Files.readString(project.resolve("data/06_models/model/preprocessing.json")))
        .as("the feature transforms travel with the model").contains("log1p(greatest(Amount, 0))")
        .contains("floor(Time / 3600) % 24");
    assertServedLikeTheTestSet(project);
    assertThat(ModelsCommandTest.kiln(0, "predict",
        project.resolve("data/06_models/bundle").toString(), "--input",
        project.resolve("data/01_raw/creditcard.csv").toString(), "--output",
        work.resolve("scores.csv").toString())).as("kiln predict on the raw Kaggle-shaped file")
        .contains("40,000");
    List<String> scored = Files.readAllLines(work.resolve("scores.csv"));
    assertThat(scored).hasSize(40_001);
    assertThat(scored.get(0)).startsWith("Time,V1,").contains("Class", "probability");
    String runId = out.toString().substring(out.toString().indexOf("Tracked as run ") + 15)
        .split(" ")[0];
    try (var store = dev.kiln.tracking.TrackingStores.sqlite(
        project.resolve(".kiln/tracking.db"))) {
      var curve = store.getMetricHistory(runId, "selection_metrics.xgboost.validation");
      assertThat(curve).as("the validation PR-AUC of every boosting round, by step")
          .hasSizeGreaterThan(5);
      assertThat(curve.get(curve.size() - 1).step()).isEqualTo(curve.size() - 1);
      Path artifacts = project.resolve(".kiln/artifacts")
          .resolve(store.getRun(runId).artifactFolder());
      assertThat(artifacts.resolve("metrics.json")).as("kiln.yml's tracking.artifacts")
          .hasSameTextualContentAs(project.resolve("data/08_reporting/metrics.json"));
      assertThat(artifacts.resolve("feature_importance.csv")).exists();
      assertThat(artifacts.resolve("model_selection.json")).exists();
      assertThat(store.getRun(runId).metrics()).as("every candidate's scores, tracked")
          .containsKeys("selection_metrics.logistic.validation_pr_auc",
              "selection_metrics.xgboost.test_pr_auc", "metrics.roc_auc");
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
    assertThat(Files.exists(project.resolve("data/06_models/model"))).isFalse();
  }

  /**
   * Runs the README's commands in order, unchanged, from a repository-like folder. The hook
   * writes creditcard.csv only when it is missing, so a 20,000-row sample written first keeps the
   * walk quick.
   */
  @Test
  void readmeCommands_runInOrder() throws Exception {
    Path example = Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize();
    Path project = work.resolve("examples/fraud-detection");
    ProjectCopies.copy(example, project);
    ModelsCommandTest.kiln(0, "run", "--project", project.toString(), "--pipeline",
        "data_processing", "--params", "raw_data.rows=20000");
    List<String> commands = DocsCommandsTest.kilnCommands(example.resolve("README.md"));
    assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
    for (String command : commands) {
      List<String> args = DocsCommandsTest.words(command);
      args.remove(0);
      args.replaceAll(a -> !a.startsWith("-") && (a.contains("/") || a.endsWith(".csv"))
          ? work.resolve(a).toString() : a);
      ModelsCommandTest.kiln(0, args.toArray(String[]::new));
    }
    assertThat(Files.readAllLines(work.resolve("scores.csv"))).hasSize(20_001);
    assertThat(Files.readString(project.resolve("data/08_reporting/tuning.csv")))
        .startsWith("rank,mean_score,std_score,param_max_depth,param_eta");
    assertThat(new ObjectMapper().readTree(project.resolve(
        "data/08_reporting/model_selection.json").toFile()).get("metric").asText())
        .as("the last run's --params").isEqualTo("roc_auc");
  }

  private static int rank(List<String> lines, String feature) {
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith(feature + ",")) {
        return i;
      }
    }
    throw new AssertionError(feature + " not in " + lines);
  }

  /**
   * The bundle takes raw transactions: each test row, sent alone over HTTP as the raw record
   * ({@code Time}, {@code V1}..., {@code Amount}), gets the probability the pipeline's evaluation
   * gave it, to 1e-9.
   */
  private static void assertServedLikeTheTestSet(Path project) throws Exception {
    Frame test = FrameReader.parquet(project.resolve("data/05_model_input/test.parquet"));
    double[] scores = FrameReader.parquet(
        project.resolve("data/07_model_output/test_scores.parquet")).column("probability")
        .toDoubleArray();
    assertThat(scores).hasSize(test.rowCount());
    List<String> inputs = new ArrayList<>(test.columnNames());
    inputs.remove("Class");
    assertThat(inputs).contains("Time", "Amount", "V1").doesNotContain("log_amount", "hour");
    try (ServedBundle served = new ServedBundle(project.resolve("data/06_models/bundle"),
        "fraud-detection")) {
      int frauds = 0;
      for (int r = 0; r < test.rowCount(); r++) {
        boolean fraud = test.column("Class").getDouble(r) == 1;
        if (!fraud && r % 20 != 0) {
          continue;
        }
        frauds += fraud ? 1 : 0;
        assertThat(served.predictRow(test, inputs, r, "probability")).as("test row %d", r)
            .isCloseTo(scores[r], within(1e-9));
      }
      assertThat(frauds).isPositive();
    }
  }
}
