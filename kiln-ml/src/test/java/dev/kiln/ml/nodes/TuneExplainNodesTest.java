package dev.kiln.ml.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.bundle.TrainedModelDatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tune and explain nodes, and a TrainedModel kept between runs in a trained_model dataset. */
class TuneExplainNodesTest {
  private static final int ROWS = 600;
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        rows: {type: csv, filepath: data/rows.csv}
        model: {type: trained_model, filepath: data/model}
        results: {type: json, filepath: data/results.json}
        trials: {type: csv, filepath: data/trials.csv}
        shap_summary: {type: csv, filepath: data/shap_summary.csv}
        shap_values: {type: csv, filepath: data/shap_values.csv}
        """);
    Files.writeString(dir.resolve("conf/base/pipelines.yml"), """
        tuning:
          nodes:
            tune:
              type: tune
              inputs: rows
              outputs: {model: model, results: results, trials: trials}
              params:
                target: label
                rounds: 30
                folds: 3
                search: {max_depth: [1, 4]}
        explaining:
          nodes:
            explain:
              type: explain
              inputs: [model, rows]
              outputs: {summary: shap_summary, values: shap_values}
        """);
    StringBuilder csv = new StringBuilder("x,z,colour,label\n");
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < ROWS; i++) {
      double x = random.nextGaussian();
      double z = random.nextGaussian();
      String colour = random.nextBoolean() ? "red" : "blue";
      double logit = 3 * x * z + (colour.equals("red") ? 0.5 : -0.5);
      int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%s,%d%n", x, z, colour, label));
    }
    Files.writeString(dir.resolve("data/rows.csv"), csv);
  }

  private RunState run(String pipeline) {
    return ProjectRunner.run(Project.open(dir, "local", List.of()), RunRequest.builder(pipeline)
        .build());
  }

  private Frame csv(String file) {
    return FrameReader.read(dir.resolve(file), FileFormat.CSV, CsvOptions.defaults());
  }

  @Test
  void tune_ranksByCrossValidation_andTheDeeperTreesWinOnAnInteraction() {
    RunState state = run("tuning");
    assertThat(state.succeeded()).as(state.error()).isTrue();
    Frame trials = csv("data/trials.csv");
    assertThat(trials.rowCount()).isEqualTo(2);
    // the label depends on x*z: stumps (depth 1) cannot express it
    assertThat(trials.column("param_max_depth").getDouble(0)).isEqualTo(4.0);
    assertThat(trials.column("mean_score").getDouble(0))
        .isGreaterThan(trials.column("mean_score").getDouble(1) + 0.05);
    Map<String, Double> results = state.metrics().get("results");
    assertThat(results.get("best_roc_auc")).isEqualTo(trials.column("mean_score").getDouble(0),
        within(1e-9));
    assertThat(results.get("trials")).isEqualTo(2.0);
    assertThat(dir.resolve("data/model")).isDirectoryContaining("glob:**/trained_model.json")
        .isDirectoryContaining("glob:**/preprocessing.json")
        .isDirectoryContaining("glob:**/model.json");
  }

  @Test
  void explain_readsTheSavedModel_andShapValuesAddUpToTheMargin() {
    assertThat(run("tuning").succeeded()).isTrue();
    RunState state = run("explaining");
    assertThat(state.succeeded()).as(state.error()).isTrue();
    Frame summary = csv("data/shap_summary.csv");
    assertThat(summary.column("feature").get(0)).isIn("x", "z");
    for (int i = 1; i < summary.rowCount(); i++) {
      assertThat(summary.column("mean_abs_shap").getDouble(i))
          .isLessThanOrEqualTo(summary.column("mean_abs_shap").getDouble(i - 1));
    }
    TrainedModel model = (TrainedModel) new TrainedModelDatasetType().create(new DatasetSpec(
        "model", Map.of("filepath", "data/model"), dir, Map.of())).load();
    Frame rows = csv("data/rows.csv");
    double[] p = model.predict(rows);
    Frame values = csv("data/shap_values.csv");
    assertThat(values.rowCount()).isEqualTo(ROWS);
    assertThat(values.columnNames()).contains("x", "z", "bias");
    for (int r = 0; r < ROWS; r++) {
      double margin = 0;
      for (Column c : values.columns()) {
        margin += c.getDouble(r);
      }
      assertThat(margin).isCloseTo(Math.log(p[r] / (1 - p[r])), within(1e-4));
    }
  }

  @Test
  void tune_withARegressionScoreForAClassifier_failsNamingTheScore() throws IOException {
    Path pipelines = dir.resolve("conf/base/pipelines.yml");
    Files.writeString(pipelines, Files.readString(pipelines).replace("folds: 3",
        "folds: 3\n        scoring: neg_rmse"));
    RunState state = run("tuning");
    assertThat(state.succeeded()).isFalse();
    assertThat(state.error()).contains("Node 'tune' (" + pipelines)
        .contains("scoring 'neg_rmse' does not fit a binary classification task")
        .contains("use roc_auc, pr_auc or neg_log_loss");
  }
}
