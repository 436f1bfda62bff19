package dev.kiln.ml.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.bundle.FieldSpec;
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

/** Derived columns declared in YAML, stored in the bundle and computed from raw records. */
class FeaturesNodeTest {
  private static final int ROWS = 500;
  @TempDir Path dir;
  private Path pipelines;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        rows: {type: csv, filepath: data/rows.csv}
        bundle: {type: model_bundle, filepath: data/bundle}
        scored: {type: csv, filepath: data/scored.csv}
        """);
    pipelines = dir.resolve("conf/base/pipelines.yml");
    Files.writeString(pipelines, """
        __default__:
          nodes:
            features:
              type: features
              inputs: rows
              outputs: {transforms: transforms}
              params:
                columns:
                  log_amount: log1p(Amount)
                  hour: floor(Time / 3600) % 24
                drop: [Time]
            train:
              type: train
              inputs: {data: rows, features: transforms}
              outputs: model
              params: {target: label, rounds: 20}
            package:
              type: bundle
              inputs: {model: model, data: rows}
              outputs: bundle
        score:
          nodes:
            predict: {type: predict, inputs: [bundle, rows], outputs: scored}
        """);
    StringBuilder csv = new StringBuilder("Time,Amount,V1,label\n");
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < ROWS; i++) {
      double time = random.nextInt(172_800);
      double amount = Math.exp(random.nextGaussian() * 2 + 3);
      double v1 = random.nextGaussian();
      double logit = v1 + (time % 86_400 < 21_600 ? 1.5 : -1) + 0.2 * Math.log1p(amount) - 1;
      int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      csv.append(String.format(Locale.ROOT, "%.0f,%.2f,%.5f,%d%n", time, amount, v1, label));
    }
    Files.writeString(dir.resolve("data/rows.csv"), csv);
  }

  private RunState run(String pipeline) {
    return ProjectRunner.run(Project.open(dir, "local", List.of()), RunRequest.builder(pipeline)
        .build());
  }

  @Test
  void bundleTakesRawRecords_andComputesEveryTrainingRowsFeaturesAsTraining() {
    RunState state = run("__default__");
    assertThat(state.succeeded()).as(state.error()).isTrue();
    LoadedBundle bundle = ModelBundle.load(dir.resolve("data/bundle"));
    assertThat(bundle.manifest().inputs()).extracting(FieldSpec::name)
        .containsExactly("Time", "Amount", "V1");
    assertThat(bundle.manifest().features()).contains("log_amount", "hour", "Amount", "V1")
        .doesNotContain("Time");
    Frame rows = FrameReader.read(dir.resolve("data/rows.csv"), FileFormat.CSV,
        CsvOptions.defaults());
    List<String> names = bundle.manifest().features();
    int width = names.size();
    float[] batch = bundle.features(rows);
    for (int r = 0; r < ROWS; r++) {
      float[] one = bundle.features(rows.take(new int[] {r}));
      double time = rows.column("Time").getDouble(r);
      double amount = rows.column("Amount").getDouble(r);
      for (int f = 0; f < width; f++) {
        assertThat(one[f]).as("row %d feature %s", r, names.get(f)).isEqualTo(batch[r * width + f]);
      }
      assertThat(one[names.indexOf("log_amount")]).isEqualTo((float) Math.log1p(amount));
      assertThat(one[names.indexOf("hour")]).isEqualTo((float) (Math.floor(time / 3600) % 24));
    }
    assertThat(run("score").succeeded()).isTrue();
    Frame scored = FrameReader.read(dir.resolve("data/scored.csv"), FileFormat.CSV,
        CsvOptions.defaults());
    assertThat(scored.rowCount()).isEqualTo(ROWS);
    assertThat(scored.columnNames()).contains("Time", "probability");
  }

  private void expectFailure(String column, String... messages) throws IOException {
    Files.writeString(pipelines, Files.readString(pipelines).replace(
        "log_amount: log1p(Amount)", column));
    RunState state = run("__default__");
    assertThat(state.succeeded()).isFalse();
    assertThat(state.failedOnBadInput()).as("kiln run exits with 2").isTrue();
    assertThat(state.error()).contains("Node 'features' (" + pipelines + ":3) failed")
        .contains(messages);
  }

  @Test
  void missingColumn_failsNamingTheNodeLineAndDerivedColumn() throws IOException {
    expectFailure("log_amount: log1p(Amout)", "Derived column 'log_amount'", "Amout");
  }

  @Test
  void mixedTypes_failNamingTheDerivedColumn() throws IOException {
    expectFailure("bad: Amount + 'x'", "Derived column 'bad'");
  }

  @Test
  void expressionThatDoesNotParse_isRefusedWhenLoadingNamingFileAndColumn() throws IOException {
    Files.writeString(pipelines, Files.readString(pipelines).replace(
        "hour: floor(Time / 3600) % 24", "hour: floor(Time / "));
    assertThatThrownBy(() -> run("__default__")).hasMessageContaining(pipelines.toString())
        .hasMessageContaining("node 'features'").hasMessageContaining("column 'hour'");
  }

  @Test
  void derivedColumnOverwritingARawInput_fails() throws IOException {
    expectFailure("Amount: log1p(Amount)", "Derived column 'Amount' would overwrite");
  }
}
