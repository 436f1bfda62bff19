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
 * {@code outputs} asked for, and each input tensor's values in one flat array (numbers, text or
 * nulls, each value's kind noted), with no tree and no per-row objects. {@link #rows} turns one
 * tensor per input field, or one {@code [rows, fields]} tensor in the order of the model's
 * inputs, into checked rows; timestamps are ISO-8601 text, as the tree reader takes them.
 *
 * <p>Like {@link JsonInstances} it answers only plainly shaped valid bodies and returns null for
 * anything else, so the tree reader names every problem with its usual message.
 */
final class InferenceBody {
  private static final Set<String> NUMERIC = Set.of("UINT8", "UINT16", "UINT32", "UINT64",
      "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BF16");

  /** The kinds of a tensor's values. */
  private static final byte NUMBER = 0;
  private static final byte BOOL = 1;
  private static final byte TEXT = 2;
  private static final byte NULL = 3;

  /**
   * One input tensor: values as numbers (booleans as 0/1) or as text (null when there is none),
   * and each value's kind.
   */
  private record Tensor(String name, String datatype, long[] shape, double[] numbers,
      String[] texts, byte[] kinds, int count) {}

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
        : new Tensor(name, datatype, shape, data.numbers(), data.texts(), data.kinds(),
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

  /** Reads a (possibly nested) data array flat: numbers, booleans, text and nulls. */
  private static Tensor data(JsonParser p) throws IOException {
    double[] numbers = new double[16];
    String[] texts = null;
    byte[] kinds = new byte[16];
    int count = 0;
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY || t == JsonToken.END_ARRAY) {
        depth += t == JsonToken.START_ARRAY ? 1 : -1;
        continue;
      }
      if (count == numbers.length) {
        numbers = Arrays.copyOf(numbers, count * 2);
        kinds = Arrays.copyOf(kinds, count * 2);
        texts = texts == null ? null : Arrays.copyOf(texts, count * 2);
      }
      byte kind;
      switch (t) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          numbers[count] = p.getDoubleValue();
          if (!Double.isFinite(numbers[count])) {
            return null;
          }
          kind = NUMBER;
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          numbers[count] = t == JsonToken.VALUE_TRUE ? 1 : 0;
          kind = BOOL;
        }
        case VALUE_STRING -> {
          if (texts == null) {
            texts = new String[numbers.length];
          }
          texts[count] = p.getText();
          kind = TEXT;
        }
        case VALUE_NULL -> kind = NULL;
        default -> {
          return null;
        }
      }
      kinds[count++] = kind;
    }
    return new Tensor(null, null, null, numbers, texts, kinds, count);
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
   * the limit, or one {@code [rows, fields]} tensor named after no field; else null.
   */
  InputRows rows(TabularInputs reader) {
    if (tensors.size() == 1 && reader.fieldIndex(tensors.get(0).name()) < 0) {
      return matrix(tensors.get(0), reader);
    }
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
      for (int r = 0; r < n; r++) {
        if (!set(rows, r, f, fields.get(f), byField[f], r)) {
          return null;
        }
      }
    }
    return rows;
  }

  /**
   * Returns the rows of one {@code [rows, fields]} tensor, its values row by row in the order
   * of the model's inputs (any datatype: the tree reader checks each value by its field), or
   * null when its shape or a value does not suit.
   */
  private static InputRows matrix(Tensor t, TabularInputs reader) {
    List<FieldSpec> fields = reader.fields();
    int width = fields.size();
    if (t.shape().length != 2 || t.shape()[1] != width || t.shape()[0] > reader.maxRows()
        || t.shape()[0] * width != t.count()) {
      return null;
    }
    int n = (int) t.shape()[0];
    InputRows rows = new InputRows(fields, n);
    for (int r = 0; r < n; r++) {
      rows.addRow();
      for (int f = 0; f < width; f++) {
        if (!set(rows, r, f, fields.get(f), t, r * width + f)) {
          return null;
        }
      }
    }
    return rows;
  }

  /**
   * Stores value {@code i} of a tensor as field {@code f} of row {@code r}; false for a value
   * the tree reader refuses (it names the problem).
   */
  private static boolean set(InputRows rows, int r, int f, FieldSpec field, Tensor t, int i) {
    ColumnType type = field.type();
    switch (t.kinds()[i]) {
      case NUMBER -> {
        if (type != ColumnType.DOUBLE && type != ColumnType.LONG) {
          return false;
        }
        rows.setNumber(r, f, t.numbers()[i]);
      }
      case BOOL -> {
        if (type != ColumnType.BOOLEAN) {
          return false;
        }
        rows.setNumber(r, f, t.numbers()[i]);
      }
      case TEXT -> {
        return JsonInstances.text(t.texts()[i], type, rows, r, f);
      }
      default -> {
        if (!field.nullable()) {
          return false;
        }
        rows.setMissing(r, f);
      }
    }
    return true;
  }

  /**
   * Whether a per-field tensor's datatype suits its field, as the tree reader checks it (each
   * value is then checked by {@link #set}).
   */
  private static boolean fits(Tensor t, ColumnType type) {
    String d = t.datatype();
    return switch (type) {
      case STRING, TIMESTAMP -> d.equals("BYTES");
      case BOOLEAN -> d.equals("BOOL");
      case DOUBLE, LONG -> NUMERIC.contains(d);
    };
  }
}
