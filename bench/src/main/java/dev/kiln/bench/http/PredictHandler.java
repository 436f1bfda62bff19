package dev.kiln.bench.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.ml.xgboost.TreeEnsemble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The predict-shaped handler every HTTP stack of the comparison runs: a streaming parse of
 * {@code {"instances": [{field: number, ...}, ...]}} into a flat feature buffer, the bundle's
 * affine preprocessing, the plain-Java tree walk, and a hand-written JSON answer. It is the same
 * work on each stack, so the stacks' differences are what the comparison shows.
 */
final class PredictHandler {
  private static final JsonFactory JSON = new JsonFactory();
  private final TreeEnsemble model;
  private final Map<String, Integer> column = new HashMap<>();
  private final double[] offset;
  private final double[] scale;
  private final double threshold;

  PredictHandler(Path bundle) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode manifest = mapper.readTree(bundle.resolve("bundle.json").toFile());
    model = TreeEnsemble.fromJson(Files.readAllBytes(bundle.resolve("model.json")));
    JsonNode features = manifest.get("features");
    offset = new double[features.size()];
    scale = new double[features.size()];
    for (int i = 0; i < features.size(); i++) {
      column.put(features.get(i).asText(), i);
      scale[i] = 1;
    }
    JsonNode steps = mapper.readTree(bundle.resolve("preprocessing.json").toFile()).get("steps");
    for (JsonNode step : steps) {
      for (int c = 0; c < step.get("columns").size(); c++) {
        int i = column.get(step.get("columns").get(c).asText());
        offset[i] = step.get("offset").get(c).asDouble();
        scale[i] = step.get("scale").get(c).asDouble();
      }
    }
    threshold = manifest.path("threshold").asDouble(0.5);
  }

  /** Answers one request body; a malformed body is an {@link IllegalArgumentException}. */
  byte[] handle(byte[] body) throws IOException {
    int width = offset.length;
    float[] rows = new float[width * 16];
    int n = 0;
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      expect(p.nextToken(), JsonToken.FIELD_NAME);
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        if ((n + 1) * width > rows.length) {
          rows = java.util.Arrays.copyOf(rows, rows.length * 2);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          Integer i = column.get(p.currentName());
          p.nextToken();
          if (i == null) {
            throw new IllegalArgumentException("unknown field " + p.currentName());
          }
          rows[n * width + i] = (float) ((p.getDoubleValue() - offset[i]) / scale[i]);
        }
        n++;
      }
    }
    double[] out = new double[n];
    model.predict(rows, n, out);
    StringBuilder answer = new StringBuilder(32 + 48 * n).append("{\"predictions\":[");
    for (int r = 0; r < n; r++) {
      answer.append(r == 0 ? "" : ",").append("{\"prediction\":")
          .append(out[r] >= threshold ? 1 : 0).append(",\"probability\":").append(out[r]).append('}');
    }
    return answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void expect(JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new IllegalArgumentException("expected " + wanted + ", got " + got);
    }
  }
}
