package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the usual JSON layouts of tabular requests into an input frame: records (one object per
 * row), rows (arrays in a given column order), and columns (one array per field). Unknown or
 * missing fields, ragged rows and an empty request are client errors naming what is wrong.
 */
public final class TabularInputs {
  private final List<FieldSpec> fields;
  private final Map<String, Integer> index = new HashMap<>();
  private final int maxRows;

  /** Creates a reader for a model's input fields, refusing requests over {@code maxRows}. */
  public TabularInputs(List<FieldSpec> fields, int maxRows) {
    this.fields = fields;
    this.maxRows = maxRows;
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i).name(), i);
    }
  }

  /** Returns the model's input fields. */
  public List<FieldSpec> fields() {
    return fields;
  }

  /** Returns the position of an input field, or -1 for a name the model does not take. */
  public int fieldIndex(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** Returns the most rows a request may hold. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Reads an array of rows: objects keyed by field name, or arrays in the order of the model's
   * input fields.
   */
  public Frame instances(JsonNode rows, String what) {
    int n = rowCount(rows, what);
    if (rows.get(0).isArray()) {
      return rows(rows, null, what);
    }
    for (int r = 0; r < n; r++) {
      JsonNode row = rows.get(r);
      if (!row.isObject()) {
        throw ClientError.badRequest("Row " + r + " of '" + what + "' is not an object;"
            + " send every row as {\"field\": value, ...}.");
      }
      for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!index.containsKey(name)) {
          throw unknown(name, r);
        }
      }
    }
    return InputFrames.build(fields, n, (f, r) -> rows.get(r).get(fields.get(f).name()));
  }

  /**
   * Reads an array of arrays whose values follow {@code columns} (null: the model's input
   * order).
   */
  public Frame rows(JsonNode rows, List<String> columns, String what) {
    int n = rowCount(rows, what);
    int[] position = new int[fields.size()];
    if (columns == null) {
      for (int i = 0; i < position.length; i++) {
        position[i] = i;
      }
    } else {
      java.util.Arrays.fill(position, -1);
      for (int c = 0; c < columns.size(); c++) {
        Integer f = index.get(columns.get(c));
        if (f == null) {
          throw unknown(columns.get(c), -1);
        }
        if (position[f] >= 0) {
          throw ClientError.badRequest("Column " + ClientError.quote(columns.get(c))
              + " is given twice.");
        }
        position[f] = c;
      }
    }
    int width = columns == null ? fields.size() : columns.size();
    for (int r = 0; r < n; r++) {
      JsonNode row = rows.get(r);
      if (!row.isArray() || row.size() != width) {
        throw ClientError.badRequest("Row " + r + " of '" + what + "' must be an array of "
            + width + " values" + (columns == null ? " in the order " + names() : "")
            + ", got " + (row.isArray() ? row.size() + " values" : row.getNodeType()) + ".");
      }
    }
    return InputFrames.build(fields, n,
        (f, r) -> position[f] < 0 ? null : rows.get(r).get(position[f]));
  }

  /** Reads an object holding one array of values per field. */
  public Frame columns(JsonNode columns, String what) {
    if (!columns.isObject() || columns.isEmpty()) {
      throw ClientError.badRequest("'" + what + "' must be an object of columns, e.g."
          + " {\"" + fields.get(0).name() + "\": [..], ...}.");
    }
    int n = -1;
    for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!index.containsKey(e.getKey())) {
        throw unknown(e.getKey(), -1);
      }
      int size = rowCount(e.getValue(), what + "." + e.getKey());
      if (n >= 0 && size != n) {
        throw ClientError.badRequest("Column '" + e.getKey() + "' has " + size
            + " values but the other columns have " + n + "; send equal-length columns.");
      }
      n = size;
    }
    return InputFrames.build(fields, n, (f, r) -> {
      JsonNode column = columns.get(fields.get(f).name());
      return column == null ? null : column.get(r);
    });
  }

  private int rowCount(JsonNode rows, String what) {
    if (rows == null || !rows.isArray()) {
      throw ClientError.badRequest("'" + what + "' must be an array of rows.");
    }
    if (rows.isEmpty()) {
      throw ClientError.badRequest("'" + what + "' is empty; send at least one row.");
    }
    if (rows.size() > maxRows) {
      throw new ClientError(413, "'" + what + "' has " + rows.size() + " rows; this server"
          + " takes at most " + maxRows + " per request. Split the request, or use"
          + " 'kiln predict' for batch scoring.");
    }
    return rows.size();
  }

  private ClientError unknown(String name, int row) {
    return ClientError.badRequest((row >= 0 ? "Row " + row + " has unknown field "
        : "Unknown field ") + ClientError.quote(name) + "; the model's inputs are " + names()
        + ".");
  }

  private List<String> names() {
    return fields.stream().map(FieldSpec::name).toList();
  }
}
