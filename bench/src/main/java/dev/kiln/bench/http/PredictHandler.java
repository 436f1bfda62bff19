package dev.kiln.bench.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.bundle.RowFeatures;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The predict-shaped handler every HTTP stack of the comparison runs, on Kiln's own code: the
 * bundle loaded and verified by {@link ModelBundle#load}, a streaming parse of
 * {@code {"instances": [{field: number, ...}, ...]}} into kiln-serving's checked {@link InputRows},
 * the bundle's features (derived columns, imputers, scalers) computed per row by {@link
 * RowFeatures}, the bundle's model and output columns, and a JSON answer written without a tree.
 * It is the same work on each stack, so the stacks' differences are what the comparison shows.
 */
final class PredictHandler {
  private static final JsonFactory JSON = new JsonFactory();
  private final LoadedBundle bundle;
  private final RowFeatures features;
  private final TabularInputs inputs;

  /**
   * Loads a bundle.
   *
   * @throws IllegalArgumentException if its preprocessing does not compile to per-row features
   *     (encoders of text columns), which this handler does not cover
   */
  PredictHandler(Path path) {
    bundle = ModelBundle.load(path);
    features = RowFeatures.compile(bundle);
    if (features == null) {
      throw new IllegalArgumentException("Bundle '" + path + "' has preprocessing steps that"
          + " are not computed per row (encoders of text columns); the stack comparison needs a"
          + " bundle of numeric inputs such as the fraud example's.");
    }
    inputs = new TabularInputs(bundle.manifest().inputs(), 10_000);
  }

  /** Answers one request body; a malformed body is an {@link IllegalArgumentException}. */
  byte[] handle(byte[] body) throws IOException {
    InputRows rows = read(body);
    int n = rows.rowCount();
    float[] x = features.features(rows, n, new float[n * features.width()]);
    Frame out = bundle.outputs(bundle.model().predict(x, n), n);
    List<Column> columns = out.columns();
    StringBuilder answer = new StringBuilder(32 + 48 * n).append("{\"predictions\":[");
    for (int r = 0; r < n; r++) {
      answer.append(r == 0 ? "{" : ",{");
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        answer.append(c == 0 ? "\"" : ",\"").append(column.name()).append("\":");
        if (column.type() == ColumnType.LONG) {
          answer.append(column.getLong(r));
        } else {
          answer.append(column.getDouble(r));
        }
      }
      answer.append('}');
    }
    return answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private InputRows read(byte[] body) throws IOException {
    int width = inputs.fields().size();
    InputRows rows = new InputRows(inputs.fields(), 1);
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      expect(p.nextToken(), JsonToken.FIELD_NAME);
      expect(p.nextToken(), JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int r = rows.addRow();
        int set = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          int f = inputs.fieldIndex(p.currentName());
          JsonToken value = p.nextToken();
          if (f < 0 || !value.isNumeric()) {
            throw new IllegalArgumentException("field '" + p.currentName() + "' of row " + r
                + " is unknown or not a number");
          }
          rows.setNumber(r, f, p.getDoubleValue());
          set++;
        }
        if (set != width) {
          throw new IllegalArgumentException("row " + r + " has " + set + " of the " + width
              + " input fields");
        }
      }
    }
    if (rows.hasFractions()) {
      throw new IllegalArgumentException("a whole-number field got a fraction");
    }
    return rows;
  }

  private static void expect(JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new IllegalArgumentException("expected " + wanted + ", got " + got);
    }
  }
}
