package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.ml.bundle.FieldSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Builds a model's input frame from request values, checking every value against the bundle's
 * input schema: each problem is a {@link ClientError} naming the row and the field.
 */
public final class InputFrames {
  /** The largest whole number a double holds exactly (2^53): whole-number fields stay below. */
  static final double MAX_EXACT_LONG = 9.007199254740992E15;

  private InputFrames() {}

  /** Gives the request value of a field in a row. */
  @FunctionalInterface
  public interface Values {
    /** Returns the value, a JSON null for an explicit null, or Java null if the field is absent. */
    JsonNode get(int field, int row);
  }

  /**
   * Builds the frame of {@code rows} rows.
   *
   * @throws ClientError if a value is absent, null where the model has never seen a missing
   *     value, NaN or infinite, or of the wrong type
   */
  public static Frame build(List<FieldSpec> fields, int rows, Values values) {
    List<Column> columns = new ArrayList<>(fields.size());
    for (int f = 0; f < fields.size(); f++) {
      columns.add(column(fields.get(f), f, rows, values));
    }
    return Frame.of(columns);
  }

  private static Column column(FieldSpec field, int f, int rows, Values values) {
    BitSet nulls = new BitSet(rows);
    return switch (field.type()) {
      case DOUBLE -> {
        double[] v = new double[rows];
        for (int r = 0; r < rows; r++) {
          JsonNode n = present(field, r, values.get(f, r), nulls);
          v[r] = n == null ? Double.NaN : number(field, r, n);
        }
        yield new DoubleColumn(field.name(), v, nulls);
      }
      case LONG -> {
        // Training values that happened to be whole numbers do not make a feature an integer:
        // a fractional value turns the column into doubles, which the model reads the same way.
        double[] v = new double[rows];
        boolean whole = true;
        for (int r = 0; r < rows; r++) {
          JsonNode n = present(field, r, values.get(f, r), nulls);
          v[r] = n == null ? Double.NaN : number(field, r, n);
          whole &= n == null || (v[r] == Math.rint(v[r]) && Math.abs(v[r]) <= MAX_EXACT_LONG);
        }
        yield whole ? longs(field.name(), v, nulls) : new DoubleColumn(field.name(), v, nulls);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[rows];
        for (int r = 0; r < rows; r++) {
          JsonNode n = present(field, r, values.get(f, r), nulls);
          if (n != null && !n.isBoolean()) {
            throw wrongType(field, r, n, "true or false");
          }
          v[r] = n != null && n.booleanValue();
        }
        yield new BooleanColumn(field.name(), v, nulls);
      }
      case STRING -> {
        String[] v = new String[rows];
        for (int r = 0; r < rows; r++) {
          JsonNode n = present(field, r, values.get(f, r), nulls);
          if (n != null && !n.isTextual()) {
            throw wrongType(field, r, n, "a string");
          }
          v[r] = n == null ? null : n.textValue();
        }
        yield new StringColumn(field.name(), v);
      }
      case TIMESTAMP -> {
        long[] v = new long[rows];
        for (int r = 0; r < rows; r++) {
          JsonNode n = present(field, r, values.get(f, r), nulls);
          v[r] = n == null ? 0 : timestamp(field, r, n);
        }
        yield new TimestampColumn(field.name(), v, nulls);
      }
    };
  }

  /** Returns the value, or null (marking the row) for a missing value the field allows. */
  private static JsonNode present(FieldSpec field, int row, JsonNode n, BitSet nulls) {
    if (n == null) {
      throw ClientError.badRequest("Row " + row + " has no field '" + field.name() + "'.");
    }
    if (!n.isNull()) {
      return n;
    }
    if (!field.nullable()) {
      throw ClientError.badRequest("Field '" + field.name() + "' of row " + row + " is null, but"
          + " the model was trained without missing values for it; send a value.");
    }
    nulls.set(row);
    return null;
  }

  private static double number(FieldSpec field, int row, JsonNode n) {
    if (!n.isNumber()) {
      throw wrongType(field, row, n, "a number");
    }
    double v = n.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw ClientError.badRequest("Field '" + field.name() + "' of row " + row + " is " + v
          + "; send a finite number" + (field.nullable() ? ", or null for a missing value." : "."));
    }
    return v;
  }

  /** Returns whole numbers as a long column (0 where missing). */
  static Column longs(String name, double[] v, BitSet nulls) {
    long[] out = new long[v.length];
    for (int r = 0; r < v.length; r++) {
      out[r] = nulls.get(r) ? 0 : (long) v[r];
    }
    return new LongColumn(name, out, nulls);
  }

  private static long timestamp(FieldSpec field, int row, JsonNode n) {
    if (!n.isTextual()) {
      throw wrongType(field, row, n, "an ISO-8601 timestamp string");
    }
    try {
      Instant t = Instant.parse(n.textValue());
      return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    } catch (DateTimeParseException e) {
      throw wrongType(field, row, n, "an ISO-8601 timestamp such as 2026-01-31T12:00:00Z");
    }
  }

  private static ClientError wrongType(FieldSpec field, int row, JsonNode n, String expected) {
    String got = n.isNumber() ? "the number " + n
        : n.isBoolean() ? n.toString() : n.isArray() ? "an array" : "an object";
    if (n.isTextual()) {
      got = "the string " + (n.textValue().length() <= ClientError.ECHO_CHARS ? n.toString()
          : ClientError.quote(n.textValue()));
    }
    return ClientError.badRequest("Field '" + field.name() + "' of row " + row + " must be "
        + expected + ", got " + got + ".");
  }
}
