package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A KServe V2 {@code infer} body read in one streaming pass: its {@code id}, the
 * {@code outputs} asked for, and each input tensor's values in one flat array (numbers or
 * text), with no tree and no per-row objects. {@link #rows} turns one tensor per input field
 * into checked rows.
 *
 * <p>Like {@link JsonInstances} it answers only plainly shaped valid bodies and returns null for
 * anything else, so the tree reader names every problem with its usual message.
 */
final class InferenceBody {
  private static final Set<String> NUMERIC = Set.of("UINT8", "UINT16", "UINT32", "UINT64",
      "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BF16");

  /** One input tensor: values as numbers, as booleans (0/1) or as text. */
  private record Tensor(String name, String datatype, long[] shape, double[] numbers,
      String[] texts, boolean booleans, int count) {}

  private final String id;
  private final List<String> outputs;
  private final List<Tensor> tensors;

  private InferenceBody(String id, List<String> outputs, List<Tensor> tensors) {
    this.id = id;
    this.outputs = outputs;
    this.tensors = tensors;
  }

  /** Returns the request id the body gives, or null. */
  String id() {
    return id;
  }

  /** Returns the names of the outputs asked for, or null for all. */
  List<String> outputs() {
    return outputs;
  }

  /** Reads a body, or returns null to let the tree reader answer. */
  static InferenceBody read(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try (JsonParser p = JsonInstances.FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String id = null;
      List<String> outputs = null;
      List<Tensor> tensors = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (key.equals("id") && value == JsonToken.VALUE_STRING && id == null) {
          id = p.getText();
        } else if (key.equals("inputs") && value == JsonToken.START_ARRAY && tensors == null) {
          tensors = tensors(p);
        } else if (key.equals("outputs") && value == JsonToken.START_ARRAY && outputs == null) {
          outputs = outputNames(p);
        } else if (key.equals("parameters") && value == JsonToken.START_OBJECT) {
          p.skipChildren();
        } else {
          return null;
        }
        if (key.equals("inputs") && tensors == null || key.equals("outputs") && outputs == null) {
          return null;
        }
      }
      return tensors != null && !tensors.isEmpty() && p.nextToken() == null
          ? new InferenceBody(id, outputs, tensors) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<Tensor> tensors(JsonParser p) throws IOException {
    List<Tensor> tensors = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      Tensor tensor = t == JsonToken.START_OBJECT ? tensor(p) : null;
      if (tensor == null) {
        return null;
      }
      tensors.add(tensor);
    }
    return tensors;
  }

  private static Tensor tensor(JsonParser p) throws IOException {
    String name = null;
    String datatype = null;
    long[] shape = null;
    Tensor data = null;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      if (key.equals("name") && value == JsonToken.VALUE_STRING && name == null) {
        name = p.getText();
      } else if (key.equals("datatype") && value == JsonToken.VALUE_STRING && datatype == null) {
        datatype = p.getText();
      } else if (key.equals("shape") && value == JsonToken.START_ARRAY && shape == null) {
        shape = shape(p);
      } else if (key.equals("data") && value == JsonToken.START_ARRAY && data == null) {
        data = data(p);
      } else if (key.equals("parameters") && value == JsonToken.START_OBJECT) {
        p.skipChildren();
      } else {
        return null;
      }
      if (key.equals("shape") && shape == null || key.equals("data") && data == null) {
        return null;
      }
    }
    return name == null || datatype == null || shape == null || data == null ? null
        : new Tensor(name, datatype, shape, data.numbers(), data.texts(), data.booleans(),
            data.count());
  }

  private static long[] shape(JsonParser p) throws IOException {
    long[] shape = new long[4];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_INT || n == shape.length || p.getLongValue() < 1) {
        return null;
      }
      shape[n++] = p.getLongValue();
    }
    return n == 0 ? null : Arrays.copyOf(shape, n);
  }

  /** Reads a (possibly nested) data array flat: all numbers, all booleans or all text. */
  private static Tensor data(JsonParser p) throws IOException {
    double[] numbers = new double[16];
    String[] texts = null;
    int count = 0;
    int booleans = 0;
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY || t == JsonToken.END_ARRAY) {
        depth += t == JsonToken.START_ARRAY ? 1 : -1;
        continue;
      }
      boolean text = t == JsonToken.VALUE_STRING;
      if (count == 0 && text) {
        texts = new String[16];
      }
      if (text != (texts != null)) {
        return null;
      }
      if (count == numbers.length) {
        numbers = Arrays.copyOf(numbers, count * 2);
        texts = texts == null ? null : Arrays.copyOf(texts, count * 2);
      }
      switch (t) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numbers[count] = p.getDoubleValue();
        case VALUE_TRUE, VALUE_FALSE -> {
          numbers[count] = t == JsonToken.VALUE_TRUE ? 1 : 0;
          booleans++;
        }
        case VALUE_STRING -> texts[count] = p.getText();
        default -> {
          return null;
        }
      }
      if (!text && !Double.isFinite(numbers[count])) {
        return null;
      }
      count++;
    }
    if (booleans > 0 && booleans < count) {
      return null;
    }
    return new Tensor(null, null, null, numbers, texts, booleans > 0, count);
  }

  private static List<String> outputNames(JsonParser p) throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
          || !p.currentName().equals("name") || p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      names.add(p.getText());
      if (p.nextToken() != JsonToken.END_OBJECT) {
        return null;
      }
    }
    return names;
  }

  /**
   * Returns checked rows when the body holds exactly one tensor per input field, each of a
   * datatype the field takes and of shape [rows] or [rows, 1], all of one row count within
   * the limit; else null.
   */
  InputRows rows(TabularInputs reader) {
    List<FieldSpec> fields = reader.fields();
    if (tensors.size() != fields.size()) {
      return null;
    }
    int n = -1;
    Tensor[] byField = new Tensor[fields.size()];
    for (Tensor t : tensors) {
      int f = reader.fieldIndex(t.name());
      boolean shaped = t.shape().length == 1 || t.shape().length == 2 && t.shape()[1] == 1;
      if (f < 0 || byField[f] != null || !shaped || t.shape()[0] != t.count()
          || n >= 0 && t.count() != n || !fits(t, fields.get(f).type())) {
        return null;
      }
      byField[f] = t;
      n = t.count();
    }
    if (n > reader.maxRows()) {
      return null;
    }
    InputRows rows = new InputRows(fields, n);
    for (int r = 0; r < n; r++) {
      rows.addRow();
    }
    for (int f = 0; f < byField.length; f++) {
      Tensor t = byField[f];
      for (int r = 0; r < n; r++) {
        if (t.texts() != null) {
          rows.setText(r, f, t.texts()[r]);
        } else {
          rows.setNumber(r, f, t.numbers()[r]);
        }
      }
    }
    return rows;
  }

  /** Whether a tensor's datatype and values suit a field, as the tree reader checks them. */
  private static boolean fits(Tensor t, ColumnType type) {
    String d = t.datatype();
    return switch (type) {
      case STRING -> d.equals("BYTES") && (t.texts() != null || t.count() == 0);
      case BOOLEAN -> d.equals("BOOL") && t.booleans();
      case DOUBLE, LONG -> NUMERIC.contains(d) && t.texts() == null && !t.booleans();
      default -> false;
    };
  }
}
