package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.Preprocessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMonitorTest {
  @TempDir static Path dir;
  static LoadedBundle bundle;

  static Frame rows(double shift, int n) {
    Random r = new Random(3);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() + shift;
      y[i] = 3 * x[i] + r.nextGaussian() * 0.1;
    }
    return Frame.of(DoubleColumn.of("x", x), DoubleColumn.of("y", y));
  }

  @BeforeAll
  static void train() {
    Frame data = rows(0, 500);
    FittedPreprocessor prep = new Preprocessor(List.of()).fit(data);
    Model model = new LinearEstimator(Task.REGRESSION, 0, 10).fit(TrainingData.of(
        prep.transform(data), "y"), null);
    ModelBundle.write(BundleSpec.builder("lin", "1").model(model, prep)
        .trainedOn(data, "y").metrics(Map.of("rmse", 0.1)).build(), dir.resolve("b"));
    bundle = ModelBundle.load(dir.resolve("b"));
  }

  @Test
  void checkRows_sameDistribution_noDrift_shiftedInputs_driftInInputsAndPredictions() {
    ModelMonitor monitor = new ModelMonitor(bundle, "7", 0.5);
    ModelMonitor.Result same = monitor.checkRows(rows(0, 400).select(List.of("x")), "same.csv");
    assertThat(same.report().crossed()).isFalse();
    assertThat(same.report().version()).isEqualTo("7");
    assertThat(same.report().current()).isEqualTo("same.csv");
    assertThat(same.report().currentRows()).isEqualTo(400);
    assertThat(same.report().drift().prediction()).as("rows are scored first").isNotNull();
    ModelMonitor.Result shifted = monitor.checkRows(rows(3, 400).select(List.of("x")), "s.csv");
    assertThat(shifted.report().datasetDrift()).isTrue();
    assertThat(shifted.report().drift().predictionDrift()).isTrue();
    assertThat(shifted.reference().rows()).isEqualTo(500);
    assertThat(shifted.current().rows()).isEqualTo(400);
  }

  @Test
  void create_badDriftShare_orLabelsWithoutDecay_areRefused() {
    assertThatThrownBy(() -> new ModelMonitor(bundle, "1", 0)).isInstanceOf(KilnException.class)
        .hasMessageContaining("--drift-share must be within (0, 1], got 0.0");
    assertThatThrownBy(() -> new ModelMonitor(bundle, "1", 0.5).checkLog(rows(0, 5), "log",
        null, rows(0, 5))).hasMessageContaining("Decay needs both labels and a decay window");
  }
}
