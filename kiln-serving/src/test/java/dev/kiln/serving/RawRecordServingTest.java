package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose preprocessing derives {@code log_amount} and {@code hour}: clients send the raw
 * record, and for every training row the served probability equals the batch one.
 */
class RawRecordServingTest {
  @TempDir Path dir;

  @Test
  void rawTransaction_isServed_andEveryTrainingRowScoresAsInBatch() {
    Random r = new Random(11);
    int n = 300;
    double[] time = new double[n];
    double[] amount = new double[n];
    double[] v1 = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = r.nextInt(172_800);
      amount[i] = Math.rint(Math.exp(r.nextGaussian() + 3) * 100) / 100;
      v1[i] = r.nextGaussian();
      y[i] = v1[i] + (time[i] % 86_400 < 21_600 ? 1 : -1) + r.nextGaussian() > 0 ? 1 : 0;
    }
    Frame data = Frame.of(DoubleColumn.of("Time", time), DoubleColumn.of("Amount", amount),
        DoubleColumn.of("V1", v1), DoubleColumn.of("Class", y));
    FeatureTransforms features = new FeatureTransforms(List.of(
        DerivedColumn.of("log_amount", "log1p(Amount)"),
        DerivedColumn.of("hour", "floor(Time / 3600) % 24")), List.of("Time"));
    FittedPreprocessor prep = new FittedPreprocessor(List.of(features));
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION,
        Map.of("max_depth", 3, "eta", 0.3), 15, 0).fit(TrainingData.of(prep.transform(data),
        "Class"), null);
    Path bundleDir = dir.resolve("bundle");
    ModelBundle.write(new BundleSpec("fraud", "1", "Class", data, prep, model, 0.5, Map.of(),
        Map.of()), bundleDir);
    LoadedBundle bundle = ModelBundle.load(bundleDir);
    double[] batch = bundle.predict(data).column("probability").toDoubleArray();

    ServingMetrics metrics = new ServingMetrics();
    try (ModelServer server = ModelServer.create(cfg -> cfg.metrics(metrics)
        .http(http -> http.address("127.0.0.1", 0))
        .models(m -> m.serve(bundleDir.toString()).maxRows(100)))) {
      Http http = new Http("http://127.0.0.1:" + server.port());
      for (int i = 0; i < n; i++) {
        HttpResponse<String> response = http.postJson("/v1/models/fraud:predict", String.format(
            Locale.ROOT, "{\"instances\": [{\"Time\": %s, \"Amount\": %s, \"V1\": %s}]}",
            time[i], amount[i], v1[i]));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode p = Http.json(response).get("predictions").get(0).get("probability");
        assertThat(p.asDouble()).as("row %d", i).isCloseTo(batch[i], within(1e-9));
      }
    }
  }
}
