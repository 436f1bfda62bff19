package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Streams request bodies straight into {@link InputRows}: the native {@code {"instances":
 * [...]}} (or {@code "inputs"}) with rows as objects or as arrays in the model's input order
 * (scanned from its bytes by {@link InstancesScanner}), and MLflow's {@code dataframe_split}
 * (with Jackson's streaming parser). One pass, no tree, every value checked against the schema as
 * it is read.
 *
 * <p>It answers only bodies that are entirely valid and plainly shaped; for anything else (a
 * syntax error, a duplicate or unknown field, a missing or mistyped value, another key in the
 * body) it returns null, and the caller reads the body with the tree reader
 * ({@link Bodies#json}, {@link TabularInputs}), which names the problem. So both readers accept
 * the same bodies with the same values, and every error keeps its message.
 */
final class JsonInstances {
  static final JsonFactory FACTORY = Bodies.JSON.getFactory();
  /** The keys of Kiln's native protocol. */
  static final Set<String> NATIVE = Set.of("instances", "inputs");

  private JsonInstances() {}

  /** Returns the rows of a valid native body, or null to let the tree reader answer. */
  static InputRows read(byte[] body, int length, TabularInputs reader) {
    return read(body, length, reader, NATIVE);
  }

  /**
   * Returns the rows of a valid body whose one key (one of {@code keys}) holds the rows, or
   * null to let the tree reader answer ({@link InstancesScanner}).
   */
  static InputRows read(byte[] body, int length, TabularInputs reader, Set<String> keys) {
    return InstancesScanner.read(body, length, reader, keys);
  }

  /**
   * Returns the rows of a valid MLflow {@code {"dataframe_split": {"columns": [..], "data":
   * [[..], ..]}}} body naming every input once, columns before data, or null to let the tree
   * reader answer.
   */
  static InputRows split(byte[] body, TabularInputs reader) {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
          || !p.currentName().equals("dataframe_split") || p.nextToken() != JsonToken.START_OBJECT
          || p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("columns")
          || p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<FieldSpec> fields = reader.fields();
      int[] field = new int[fields.size()];
      boolean[] seen = new boolean[fields.size()];
      int width = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        int f = t == JsonToken.VALUE_STRING ? reader.fieldIndex(p.getText()) : -1;
        if (f < 0 || seen[f]) {
          return null;
        }
        seen[f] = true;
        field[width++] = f;
      }
      if (width != fields.size() || p.nextToken() != JsonToken.FIELD_NAME
          || !p.currentName().equals("data") || p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      InputRows rows = new InputRows(fields, Math.min(reader.maxRows(),
          Math.max(1, body.length / Math.max(1, 12 * width))));
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_ARRAY || rows.rowCount() >= reader.maxRows()) {
          return null;
        }
        int r = rows.addRow();
        int c = 0;
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          if (c == width || !value(p, v, fields.get(field[c]), rows, r, field[c])) {
            return null;
          }
          c++;
        }
        if (c != width) {
          return null;
        }
      }
      return rows.rowCount() > 0 && p.nextToken() == JsonToken.END_OBJECT
          && p.nextToken() == JsonToken.END_OBJECT && p.nextToken() == null ? rows : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stores a value that is valid for its field; false for anything the tree reader refuses. */
  static boolean value(JsonParser p, JsonToken t, FieldSpec field, InputRows rows, int r,
      int f) throws IOException {
    ColumnType type = field.type();
    switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (type != ColumnType.DOUBLE && type != ColumnType.LONG) {
          return false;
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
          return false;
        }
        rows.setNumber(r, f, v);
        return true;
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        if (type != ColumnType.BOOLEAN) {
          return false;
        }
        rows.setNumber(r, f, t == JsonToken.VALUE_TRUE ? 1 : 0);
        return true;
      }
      case VALUE_STRING -> {
        return text(p.getText(), type, rows, r, f);
      }
      case VALUE_NULL -> {
        if (!field.nullable()) {
          return false;
        }
        rows.setMissing(r, f);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Stores text valid for a string or timestamp field; false for anything else. */
  static boolean text(String s, ColumnType type, InputRows rows, int r, int f) {
    if (type == ColumnType.STRING) {
      rows.setText(r, f, s);
      return true;
    }
    if (type != ColumnType.TIMESTAMP) {
      return false;
    }
    try {
      Instant t = Instant.parse(s);
      rows.setMicros(r, f, t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
