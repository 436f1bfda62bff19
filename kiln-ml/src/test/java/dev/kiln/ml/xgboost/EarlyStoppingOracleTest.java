package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Models trained with early stopping by Python XGBoost 1.7.4 on seeded random data and
 * parameters (see {@code xgboost/early_stopping_models.py}: every objective, dart, random forests,
 * categorical splits and gblinear, through {@code xgb.train} and the scikit-learn estimators),
 * predicted by Kiln: bit for bit what Python predicts for them by default (the estimators use the
 * rounds up to {@code best_iteration}), in plain Java at batch sizes 1 to 128, random sizes and
 * 10,000, and by XGBoost4J. A failure names the seed ({@code -Dkiln.oracle.seed} repeats it), the case and the first
 * row Kiln predicts differently.
 */
class EarlyStoppingOracleTest {
  private static final long SEED = Long.getLong("kiln.oracle.seed", 20_261_201L);
  private static final int CASES = 44;
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  @Test
  void earlyStoppedModels_predictAsPythonByDefault_atEveryBatchSize() throws Exception {
    float[] x = XGBoostParityTest.testRows(SEED);
    String script;
    try (InputStream in = getClass().getResourceAsStream("/xgboost/early_stopping_models.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String input = "{\"seed\": " + SEED + ", \"cases\": " + CASES + "}\n"
        + IntStream.range(0, x.length).mapToObj(i -> Float.toString(x[i]))
            .collect(Collectors.joining(",", "[", "]\n"));
    String[] lines = PythonOracle.run(script, input).trim().split("\n");
    assertThat(lines).hasSize(CASES);
    List<String> failures = new ArrayList<>();
    int truncated = 0;
    for (String line : lines) {
      JsonNode c = JSON.readTree(line);
      byte[] model = c.get("model").asText().getBytes(StandardCharsets.UTF_8);
      float[] python = floats(c.get("pred"));
      boolean linear = c.get("desc").asText().contains("gblinear");
      if (!Arrays.equals(python, floats(c.get("full")))) {
        truncated++;
      }
      String problem = XGBoostParityTest.check(model, python, x,
          linear ? 0 : c.get("best").asInt() + 1);
      if (problem != null) {
        failures.add(String.format(Locale.ROOT, "seed %d case %d (%s, best_iteration %d of %d"
            + " rounds): %s; %s", SEED, c.get("case").asInt(), c.get("desc").asText(),
            c.get("best").asInt(), c.get("rounds").asInt(), problem,
            firstDifferentRow(model, python, x)));
      }
    }
    assertThat(failures).isEmpty();
    // the cases must exercise best_iteration: Python's default differs from every tree's sum
    assertThat(truncated).isGreaterThan(CASES * 3 / 4);
  }

  /** The smallest failing case: the first row Kiln predicts differently on its own. */
  private static String firstDifferentRow(byte[] json, float[] python, float[] x) {
    XGBoostModel model = XGBoostModel.load(json, Task.REGRESSION, XGBoostParityTest.NAMES);
    int k = python.length / XGBoostParityTest.ROWS;
    for (int r = 0; r < XGBoostParityTest.ROWS; r++) {
      float[] row = Arrays.copyOfRange(x, r * 6, r * 6 + 6);
      double[] kiln = model.predict(row, 1);
      float[] expected = Arrays.copyOfRange(python, r * k, r * k + k);
      if (XGBoostParityTest.compare("python", kiln, expected) != null) {
        return "smallest failing case: row " + Arrays.toString(row) + " python "
            + Arrays.toString(expected) + " kiln " + Arrays.toString(kiln);
      }
    }
    return "every single row agrees (the difference needs a larger batch)";
  }

  private static float[] floats(JsonNode values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }
}
