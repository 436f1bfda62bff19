package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.io.IOException;
import java.util.List;

/**
 * Streams an MLflow {@code text/csv} body straight into {@link InputRows}: a header naming
 * every input field once, in any order, then one line per row, each value typed by its field as it is read,
 * with no list of lines and no tree.
 *
 * <p>Like {@link JsonInstances} it answers only plainly valid bodies and returns null for
 * anything else (a header naming an unknown field, a ragged line, a value its field refuses), so
 * the tree reader names the problem with its usual message.
 */
final class CsvRows {
  private CsvRows() {}

  /** Returns the rows of a valid CSV body, or null to let the tree reader answer. */
  static InputRows read(byte[] body, TabularInputs reader) {
    try (JsonParser p = MlflowScoringRoutes.CSV_LINES.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      int[] columns = header(p, reader);
      if (columns == null) {
        return null;
      }
      List<FieldSpec> fields = reader.fields();
      InputRows rows = new InputRows(fields, Math.min(reader.maxRows(),
          Math.max(1, body.length / Math.max(1, 8 * columns.length))));
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_ARRAY || rows.rowCount() >= reader.maxRows()
            || !line(p, fields, columns, rows)) {
          return null;
        }
      }
      return rows.rowCount() > 0 && p.nextToken() == null ? rows : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns the field of each header column, or null unless the header names every field once.
   */
  private static int[] header(JsonParser p, TabularInputs reader) throws IOException {
    int[] columns = new int[reader.fields().size()];
    boolean[] seen = new boolean[columns.length];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      int f = t == JsonToken.VALUE_STRING ? reader.fieldIndex(p.getText()) : -1;
      if (f < 0 || seen[f]) {
        return null;
      }
      seen[f] = true;
      columns[n++] = f;
    }
    return n == columns.length ? columns : null;
  }

  /** Reads one line into a new row; false if it is ragged or a value does not suit its field. */
  private static boolean line(JsonParser p, List<FieldSpec> fields, int[] columns,
      InputRows rows) throws IOException {
    int r = rows.addRow();
    int c = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING || c == columns.length
          || !value(p.getText(), fields.get(columns[c]), rows, r, columns[c])) {
        return false;
      }
      c++;
    }
    return c == columns.length;
  }

  /**
   * Stores one CSV value as the tree reader types it: empty is missing, text for text and
   * timestamps, {@code true}/{@code false} in any case for booleans, a finite number for
   * numbers.
   */
  private static boolean value(String text, FieldSpec field, InputRows rows, int r, int f) {
    if (text.isEmpty()) {
      if (!field.nullable()) {
        return false;
      }
      rows.setMissing(r, f);
      return true;
    }
    ColumnType type = field.type();
    switch (type) {
      case BOOLEAN -> {
        boolean yes = text.equalsIgnoreCase("true");
        if (!yes && !text.equalsIgnoreCase("false")) {
          return false;
        }
        rows.setNumber(r, f, yes ? 1 : 0);
        return true;
      }
      case DOUBLE, LONG -> {
        double v;
        try {
          v = Double.parseDouble(text); // as the tree reader: the same numbers, the same refusals
        } catch (NumberFormatException e) {
          return false;
        }
        if (!Double.isFinite(v)) {
          return false;
        }
        rows.setNumber(r, f, v);
        return true;
      }
      default -> {
        return JsonInstances.text(text, type, rows, r, f);
      }
    }
  }
}
