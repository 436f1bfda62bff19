package dev.kiln.ml.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.data.Frame;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A YAML-only project of built-in nodes, run end to end. */
class BuiltinNodesTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        rows: {type: csv, filepath: data/rows.csv}
        schema: {type: schema, filepath: conf/base/schema.yml}
        report: {type: json, filepath: data/report.json}
        metrics: {type: json, filepath: data/metrics.json}
        bundle: {type: model_bundle, filepath: data/bundle}
        scored: {type: csv, filepath: data/scored.csv}
        """);
    Files.writeString(dir.resolve("conf/base/schema.yml"), """
        columns:
          x: {type: double, nullable: false, policy: fail}
          colour: {type: string, categories: [red, green, blue], policy: quarantine}
        """);
    Files.writeString(dir.resolve("conf/base/parameters.yml"), """
        model: {max_depth: 3, eta: 0.3}
        """);
    Files.writeString(dir.resolve("conf/base/pipelines.yml"), """
        __default__:
          nodes:
            validate:
              type: validate
              inputs: {data: rows, schema: schema}
              outputs: {data: valid, report: report}
            gate:
              type: gate
              inputs: [valid, report]
              outputs: clean
            split:
              type: split
              inputs: clean
              outputs: [train, test]
              params: {target: label, test_size: 0.25, seed: 3}
            train:
              type: train
              inputs: train
              outputs: model
              params:
                target: label
                exclude: [id]
                params: params:model
                rounds: 40
                early_stopping_rounds: 5
            evaluate:
              type: evaluate
              inputs: {model: model, data: test}
              outputs: {metrics: metrics, scores: test_scores}
            package:
              type: bundle
              inputs: {model: model, data: train, metrics: metrics}
              outputs: bundle
              params: {name: toy}
        score:
          nodes:
            predict: {type: predict, inputs: [bundle, rows], outputs: scored}
        """);
    StringBuilder csv = new StringBuilder("id,x,z,colour,label\n");
    SplittableRandom random = new SplittableRandom(1);
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < 2000; i++) {
      double x = random.nextGaussian();
      double z = random.nextGaussian();
      String colour = colours[random.nextInt(3)];
      double logit = 2 * x - z + (colour.equals("red") ? 1.5 : -0.5);
      int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%s,%d%n", i, x, z, colour, label));
    }
    Files.writeString(dir.resolve("data/rows.csv"), csv);
  }

  private RunState run(String pipeline) {
    return ProjectRunner.run(Project.open(dir, "local", List.of()), RunRequest.builder(pipeline)
        .build());
  }

  @Test
  void yamlProject_trainsEvaluatesBundles_andTheBundleScoresRawRows() throws IOException {
    RunState state = run("__default__");
    assertThat(state.succeeded()).as(state.error()).isTrue();
    assertThat(state.metrics().get("metrics")).containsKeys("roc_auc", "threshold", "f1");
    assertThat(state.metrics().get("metrics").get("roc_auc")).isGreaterThan(0.8);
    LoadedBundle bundle = ModelBundle.load(dir.resolve("data/bundle"));
    assertThat(bundle.manifest().name()).isEqualTo("toy");
    assertThat(bundle.manifest().inputs()).extracting(f -> f.name())
        .containsExactly("x", "z", "colour");
    assertThat(bundle.manifest().lineage()).containsKeys("run_id", "input.rows", "param.model.eta",
        "kiln", "java", "xgboost");
    assertThat(bundle.manifest().threshold()).isEqualTo(state.metrics().get("metrics")
        .get("threshold"));
    assertThat(run("score").succeeded()).isTrue();
    Frame scored = FrameReader.read(dir.resolve("data/scored.csv"), FileFormat.CSV,
        dev.kiln.data.io.CsvOptions.defaults());
    assertThat(scored.rowCount()).isEqualTo(2000);
    assertThat(scored.columnNames()).contains("id", "probability", "prediction");
  }

  @Test
  void badTarget_failsTheRun_namingTheNodesLineAndTheColumn() throws IOException {
    Path pipelines = dir.resolve("conf/base/pipelines.yml");
    Files.writeString(pipelines, Files.readString(pipelines).replace("target: label\n",
        "target: lable\n"));
    RunState state = run("__default__");
    assertThat(state.succeeded()).isFalse();
    assertThat(state.failedOnBadInput()).as("kiln run exits with 2").isTrue();
    assertThat(state.error()).contains("Node 'train' (" + pipelines + ":16) failed")
        .contains("target column 'lable' is not in the data")
        .contains("did you mean 'label'?");
  }
}
