package dev.kiln.lifecycle.monitor;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.kiln.serving.LogFormat;
import dev.kiln.serving.PredictionLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln monitor} reports the same whichever format the server logged in. */
class LogFormatsMonitorTest {
  @TempDir Path dir;

  @Test
  void monitorOnABinaryLog_equalsMonitorOnTheSamePredictionsLoggedAsJson() throws Exception {
    Random random = new Random(5);
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      y[i] = 2 * x[i] + random.nextGaussian() * 0.1;
    }
    Frame data = Frame.of(DoubleColumn.of("x", x), DoubleColumn.of("y", y));
    FittedPreprocessor prep = new Preprocessor(List.of()).fit(data);
    Model model = new LinearEstimator(Task.REGRESSION, 0, 10).fit(TrainingData.of(
        prep.transform(data), "y"), null);
    ModelBundle.write(BundleSpec.builder("lin", "1").model(model, prep).trainedOn(data, "y")
        .metrics(Map.of("rmse", 0.1)).build(), dir.resolve("bundle"));
    LoadedBundle bundle = ModelBundle.load(dir.resolve("bundle"));
    List<PredictionLog.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double[] batch = new double[10];
      for (int r = 0; r < batch.length; r++) {
        batch[r] = random.nextGaussian() + 0.8;
      }
      Frame in = Frame.of(DoubleColumn.of("x", batch));
      entries.add(new PredictionLog.Entry("q" + i, Instant.ofEpochSecond(1_767_225_600L + i),
          "lin", "1", "primary", 0.5, in, bundle.predict(in)));
    }
    for (LogFormat format : LogFormat.values()) {
      try (PredictionLog log = BinaryPredictionLogTest.open(dir.resolve(format.name()), 100_000, 1 << 20,
          format)) {
        entries.forEach(log::offer);
      }
    }
    Map<LogFormat, MonitorReport> reports = new EnumMap<>(LogFormat.class);
    for (LogFormat format : LogFormat.values()) {
      Frame logged = new PredictionLogReader(dir.resolve(format.name()),
          PredictionLogReader.DEFAULT_ROLES).read(bundle.manifest(), null);
      reports.put(format, new ModelMonitor(bundle, "1", 0.5)
          .checkLog(logged, "the log", null, null).report());
    }
    MonitorReport binary = reports.get(LogFormat.BINARY);
    assertThat(binary.currentRows()).isEqualTo(400);
    assertThat(binary.datasetDrift()).as("the logged inputs are shifted").isTrue();
    assertThat(binary.driftScores()).isEqualTo(reports.get(LogFormat.JSON).driftScores());
    assertThat(binary.toTable()).isEqualTo(reports.get(LogFormat.JSON).toTable());
  }

}
