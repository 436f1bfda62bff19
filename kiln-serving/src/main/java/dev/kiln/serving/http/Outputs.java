package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns prediction columns into the answer shapes of the protocols. */
final class Outputs {
  private Outputs() {}

  /**
   * One value per row: the value (regression), or {@code {"prediction", "probability"}} (binary)
   * / {@code {"prediction", "probabilities"}} (multiclass).
   */
  static List<Object> perRow(Frame outputs, Task task) {
    int rows = outputs.rowCount();
    List<Object> out = new ArrayList<>(rows);
    Column prediction = outputs.column("prediction");
    if (task == Task.REGRESSION) {
      for (int r = 0; r < rows; r++) {
        out.add(prediction.getDouble(r));
      }
      return out;
    }
    List<Column> probabilities = probabilities(outputs);
    for (int r = 0; r < rows; r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("prediction", (long) prediction.getDouble(r));
      if (task == Task.BINARY_CLASSIFICATION) {
        row.put("probability", probabilities.get(0).getDouble(r));
      } else {
        double[] p = new double[probabilities.size()];
        for (int k = 0; k < p.length; k++) {
          p[k] = probabilities.get(k).getDouble(r);
        }
        row.put("probabilities", p);
      }
      out.add(row);
    }
    return out;
  }

  /**
   * Writes {@code {"predictions": [...]}} with {@link #perRow}'s values straight from the columns,
   * byte for byte what serialising {@link #perRow}'s maps gives.
   */
  static byte[] predictionsJson(Frame outputs, Task task) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(64 + 48 * outputs.rowCount());
    try (JsonGenerator json = Bodies.JSON.getFactory().createGenerator(bytes)) {
      json.writeStartObject();
      json.writeArrayFieldStart("predictions");
      int rows = outputs.rowCount();
      Column prediction = outputs.column("prediction");
      List<Column> probabilities = task == Task.REGRESSION ? List.of() : probabilities(outputs);
      for (int r = 0; r < rows; r++) {
        if (task == Task.REGRESSION) {
          json.writeNumber(prediction.getDouble(r));
          continue;
        }
        json.writeStartObject();
        json.writeNumberField("prediction", (long) prediction.getDouble(r));
        if (task == Task.BINARY_CLASSIFICATION) {
          json.writeNumberField("probability", probabilities.get(0).getDouble(r));
        } else {
          json.writeArrayFieldStart("probabilities");
          for (Column p : probabilities) {
            json.writeNumber(p.getDouble(r));
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Returns the probability columns, in order (a loop: a stream cost a 1-row answer 5%). */
  private static List<Column> probabilities(Frame outputs) {
    List<Column> out = new ArrayList<>(2);
    for (Column c : outputs.columns()) {
      if (c.name().startsWith("probability")) {
        out.add(c);
      }
    }
    return out;
  }

  /** One record per row with every output column (MLflow's DataFrame answer). */
  static List<Map<String, Object>> records(Frame outputs) {
    List<Map<String, Object>> out = new ArrayList<>(outputs.rowCount());
    for (int r = 0; r < outputs.rowCount(); r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Column c : outputs.columns()) {
        row.put(c.name(), c.type() == ColumnType.LONG ? (Object) (long) c.getDouble(r)
            : c.getDouble(r));
      }
      out.add(row);
    }
    return out;
  }

  /** The Open Inference Protocol datatype of a column type. */
  static String datatype(ColumnType type) {
    return switch (type) {
      case DOUBLE -> "FP64";
      case LONG, TIMESTAMP -> "INT64";
      case BOOLEAN -> "BOOL";
      case STRING -> "BYTES";
    };
  }

  /** One named tensor per output column. */
  static List<Map<String, Object>> tensors(Frame outputs, List<String> wanted) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Column c : outputs.columns()) {
      if (wanted != null && !wanted.contains(c.name())) {
        continue;
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", c.name());
      t.put("shape", List.of(outputs.rowCount()));
      t.put("datatype", datatype(c.type()));
      if (c.type() == ColumnType.LONG) {
        long[] data = new long[c.size()];
        for (int r = 0; r < data.length; r++) {
          data[r] = (long) c.getDouble(r);
        }
        t.put("data", data);
      } else {
        double[] data = new double[c.size()];
        for (int r = 0; r < data.length; r++) {
          data[r] = c.getDouble(r);
        }
        t.put("data", data);
      }
      out.add(t);
    }
    return out;
  }
}
