package dev.kiln.ml.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code select} node: a linear baseline against XGBoost, from YAML, end to end. */
class SelectNodeTest {
  private static final String PIPELINE = """
      __default__:
        nodes:
          split: {type: split, inputs: rows, outputs: [train, test], params: {target: y, seed: 3}}
          select:
            type: select
            inputs: {data: train, test: test}
            outputs: {model: model, report: report, metrics: selection}
            params: params:selection
          evaluate: {type: evaluate, inputs: [model, test], outputs: metrics}
          package:
            type: bundle
            inputs: {model: model, data: train, metrics: metrics}
            outputs: bundle
      """;

  @TempDir Path dir;

  private void project(String candidates, String metric, boolean linearTruth) throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        rows: {type: csv, filepath: data/rows.csv}
        report: {type: json, filepath: data/report.json}
        metrics: {type: json, filepath: data/metrics.json}
        bundle: {type: model_bundle, filepath: data/bundle}
        """);
    Files.writeString(dir.resolve("conf/base/parameters.yml"), "selection:\n  target: y\n"
        + "  metric: " + metric + "\n  seed: 5\n  candidates:\n" + candidates);
    Files.writeString(dir.resolve("conf/base/pipelines.yml"), PIPELINE);
    Files.createDirectories(dir.resolve("data"));
    StringBuilder csv = new StringBuilder("a,b,y\n");
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 3000; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double logit = linearTruth ? 1.5 * a - b - 2 : (a * b > 0 ? 3 : -3) - 1;
      int y = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%d%n", a, b, y));
    }
    Files.writeString(dir.resolve("data/rows.csv"), csv);
  }

  private static final String BOTH = """
          - {name: logistic, model: linear, search: {l2: [0.1, 10.0]}}
          - name: xgboost
            model: xgboost
            rounds: 60
            early_stopping_rounds: 10
            params: {max_depth: 3, eta: 0.3, nthread: 1}
            search: {scale_pos_weight: [1, auto]}
      """;

  private RunState run() {
    return ProjectRunner.run(Project.open(dir, "local", List.of()), RunRequest.defaults());
  }

  @Test
  void select_interactionData_choosesXGBoost_reportsEveryCandidateAndPackagesIt()
      throws IOException {
    project(BOTH, "roc_auc", false);
    RunState state = run();
    assertThat(state.succeeded()).as(state.error()).isTrue();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("data/report.json").toFile());
    assertThat(report.get("metric").asText()).isEqualTo("roc_auc");
    assertThat(report.get("candidates").findValuesAsText("name"))
        .containsExactly("logistic", "xgboost");
    JsonNode xgb = report.get("candidates").get(1);
    assertThat(xgb.get("trials")).hasSize(2);
    double ratio = xgb.get("trials").get(1).get("params").get("scale_pos_weight").asDouble();
    List<String> rows = Files.readAllLines(dir.resolve("data/rows.csv"));
    long positives = rows.stream().filter(r -> r.endsWith(",1")).count();
    double overall = (rows.size() - 1.0 - positives) / positives;
    assertThat(ratio).as("auto: negatives / positives of the (stratified) fitted rows")
        .isNotEqualTo(1.0).isCloseTo(overall, org.assertj.core.data.Offset.offset(0.02));
    double linear = report.get("candidates").get(0).get("score").asDouble();
    double trees = xgb.get("score").asDouble();
    assertThat(trees).as("a sign interaction is invisible to a linear model")
        .isGreaterThan(linear + 0.1);
    assertThat(report.get("chosen").asText()).isEqualTo("xgboost");
    assertThat(xgb.get("test_score").asDouble()).isCloseTo(
        state.metrics().get("metrics").get("roc_auc"), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(state.metrics().get("selection")).containsKeys("logistic.validation_roc_auc",
        "xgboost.validation_roc_auc", "logistic.test_roc_auc", "xgboost.test_roc_auc");
    LoadedBundle bundle = ModelBundle.load(dir.resolve("data/bundle"));
    assertThat(bundle.manifest().modelFormat()).isEqualTo("xgboost-json");
  }

  @Test
  void select_linearData_keepsTheSimplerBaselineOnATieOrBetterScore() throws IOException {
    project(BOTH, "neg_log_loss", true);
    RunState state = run();
    assertThat(state.succeeded()).as(state.error()).isTrue();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("data/report.json").toFile());
    double linear = report.get("candidates").get(0).get("score").asDouble();
    double trees = report.get("candidates").get(1).get("score").asDouble();
    assertThat(report.get("chosen").asText()).isEqualTo(linear >= trees ? "logistic" : "xgboost");
    assertThat(report.get("chosen").asText()).as("log-odds linear in a and b").isEqualTo("logistic");
    assertThat(ModelBundle.load(dir.resolve("data/bundle")).manifest().modelFormat())
        .isEqualTo("kiln-linear-json");
  }

  @Test
  void select_regressionMetricForABinaryTarget_failsNamingTheMetric() throws IOException {
    project(BOTH, "neg_rmse", true);
    RunState state = run();
    assertThat(state.succeeded()).isFalse();
    assertThat(state.error()).contains("Node 'select'").contains("metric 'neg_rmse' does not fit"
        + " a binary classification task").contains("roc_auc");
  }

  @Test
  void select_withoutCandidatesOrWithTwins_isRefusedWhenThePipelineLoads() throws IOException {
    project("    []\n", "roc_auc", true);
    assertThatThrownBy(this::run).isInstanceOf(KilnException.class)
        .hasMessageContaining("pipelines.yml").hasMessageContaining("candidates");
    project("    - {name: a, model: linear}\n    - {name: a, model: xgboost}\n", "roc_auc", true);
    assertThatThrownBy(this::run).isInstanceOf(KilnException.class)
        .hasMessageContaining("two candidates are named 'a'");
    project("    - {name: a, model: forest}\n", "roc_auc", true);
    assertThatThrownBy(this::run).isInstanceOf(KilnException.class)
        .hasMessageContaining("Candidate 'a' has model 'forest'");
  }
}
