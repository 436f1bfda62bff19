package dev.kiln.serving.http;

import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Scans the bytes of {@code {"instances": [...]}} (or another one-key body whose key holds the
 * rows) straight into {@link InputRows}: rows as objects or as arrays in the input order, each
 * value checked against the schema as it is read. It is a JSON scanner for exactly this shape,
 * with no token objects and no text copies of numbers ({@link JsonNumber}). A field name is
 * matched against the same position's name in the previous row by its bytes before the schema
 * is asked.
 *
 * <p>It answers only bodies that are entirely valid JSON and plainly shaped; for anything else
 * (a syntax error, a duplicate or unknown field, a missing or mistyped value, another key) it
 * returns null, and the caller reads the body with the tree reader, which names the problem.
 */
final class InstancesScanner {
  /** Thrown to give the body to the tree reader; no stack trace, one shared instance. */
  private static final RuntimeException UNPLAIN = new RuntimeException("not plain", null, false,
      false) {};

  private final byte[] b;
  private final int end;
  private final TabularInputs reader;
  private final List<FieldSpec> fields;
  private final ColumnType[] types;
  private final JsonText text = new JsonText();
  private final JsonNumber number = new JsonNumber();
  private int pos;

  private InstancesScanner(byte[] body, int length, TabularInputs reader) {
    this.b = body;
    this.end = length;
    this.reader = reader;
    this.fields = reader.fields();
    this.types = new ColumnType[fields.size()];
    for (int f = 0; f < types.length; f++) {
      types[f] = fields.get(f).type();
    }
  }

  /**
   * Returns the rows of a valid body whose one key (one of {@code keys}) holds them, or null to
   * let the tree reader answer.
   */
  static InputRows read(byte[] body, int length, TabularInputs reader, Set<String> keys) {
    try {
      return new InstancesScanner(body, length, reader).body(keys);
    } catch (RuntimeException e) { // UNPLAIN, or an index past the end of a cut-short body
      return null;
    }
  }

  private InputRows body(Set<String> keys) {
    expect('{');
    if (skipWhitespace() != '"' || !keys.contains(string())) {
      return null;
    }
    expect(':');
    expect('[');
    InputRows rows = new InputRows(fields, Math.min(reader.maxRows(),
        Math.max(1, end / Math.max(1, 12 * fields.size()))));
    byte first = skipWhitespace();
    if (first != '{' && first != '[') {
      return null;
    }
    RowNames names = new RowNames(fields.size());
    boolean[] seen = new boolean[fields.size()];
    do {
      if (skipWhitespace() != first || rows.rowCount() >= reader.maxRows()) {
        return null;
      }
      pos++;
      int r = rows.addRow();
      if (first == '{') {
        object(rows, r, seen, names);
      } else {
        array(rows, r);
      }
    } while (next(']') == ',');
    expect('}');
    skipWhitespace();
    return pos == end ? rows : null;
  }

  private void object(InputRows rows, int r, boolean[] seen, RowNames names) {
    Arrays.fill(seen, false);
    int count = 0;
    if (skipWhitespace() == '}') {
      throw UNPLAIN;
    }
    do {
      if (skipWhitespace() != '"' || count == seen.length) {
        throw UNPLAIN;
      }
      int f = names.index(count);
      if (f < 0 || seen[f]) {
        throw UNPLAIN;
      }
      seen[f] = true;
      count++;
      expect(':');
      value(rows, r, f);
    } while (next('}') == ',');
    if (count != seen.length) {
      throw UNPLAIN;
    }
  }

  private void array(InputRows rows, int r) {
    int f = 0;
    do {
      if (f == types.length) {
        throw UNPLAIN;
      }
      value(rows, r, f++);
    } while (next(']') == ',');
    if (f != types.length) {
      throw UNPLAIN;
    }
  }

  /** Reads one value into its slot; anything but a valid value of the field's type is unplain. */
  private void value(InputRows rows, int r, int f) {
    byte c = skipWhitespace();
    ColumnType type = types[f];
    if (c == '-' || (c >= '0' && c <= '9')) {
      double v = number.read(b, pos, end);
      pos = number.end();
      if ((type != ColumnType.DOUBLE && type != ColumnType.LONG) || !Double.isFinite(v)) {
        throw UNPLAIN;
      }
      rows.setNumber(r, f, v);
    } else if (c == '"') {
      String s = string();
      if (type == ColumnType.STRING) {
        rows.setText(r, f, s);
      } else if (type == ColumnType.TIMESTAMP) {
        rows.setMicros(r, f, micros(s));
      } else {
        throw UNPLAIN;
      }
    } else if (literal("true") || literal("false")) {
      if (type != ColumnType.BOOLEAN) {
        throw UNPLAIN;
      }
      rows.setNumber(r, f, b[pos - 1] == 'e' && b[pos - 2] == 'u' ? 1 : 0);
    } else if (literal("null") && fields.get(f).nullable()) {
      rows.setMissing(r, f);
    } else {
      throw UNPLAIN;
    }
  }

  private static long micros(String s) {
    try {
      Instant t = Instant.parse(s);
      return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    } catch (DateTimeParseException e) {
      throw UNPLAIN;
    }
  }

  /** Reads a string at {@code pos} (its opening quote). */
  private String string() {
    int close = text.end(b, pos + 1, end);
    String s = text.decode(b, pos + 1, close);
    pos = close + 1;
    return s;
  }

  private boolean literal(String word) {
    int n = word.length();
    if (pos + n > end) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** Skips whitespace and returns the next byte (0 at the end: check pos), not consuming it. */
  private byte skipWhitespace() {
    byte[] b = this.b;
    for (int p = pos; p < end; p++) {
      byte c = b[p];
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        pos = p;
        return c;
      }
    }
    pos = end;
    return 0;
  }

  private void expect(char c) {
    if (skipWhitespace() != c) {
      throw UNPLAIN;
    }
    pos++;
  }

  /** Consumes a ',' or {@code close} and returns it. */
  private byte next(char close) {
    byte c = skipWhitespace();
    if (c != ',' && c != close) {
      throw UNPLAIN;
    }
    pos++;
    return c;
  }

  /**
   * The field names of the previous row by position, as byte ranges of the body: rows of one
   * request name their fields in the same order, so a name is matched by its bytes before the
   * schema's map is asked.
   */
  private final class RowNames {
    private final int[] starts;
    private final int[] lengths;
    private final int[] indexes;

    RowNames(int width) {
      starts = new int[width];
      lengths = new int[width];
      indexes = new int[width];
    }

    /** Reads the name at {@code pos} and returns its field index, or -1. */
    int index(int position) {
      int from = pos + 1;
      int close = text.end(b, from, end);
      int length = close - from;
      int f;
      if (lengths[position] == length && length > 0
          && Arrays.equals(b, from, close, b, starts[position], starts[position] + length)) {
        f = indexes[position];
      } else {
        f = reader.fieldIndex(text.decode(b, from, close));
        starts[position] = from;
        lengths[position] = length;
        indexes[position] = f;
      }
      pos = close + 1;
      return f;
    }
  }
}
