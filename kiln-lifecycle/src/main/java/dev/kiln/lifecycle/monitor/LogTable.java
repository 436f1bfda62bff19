package dev.kiln.lifecycle.monitor;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.ml.bundle.FieldSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The logged rows of one model, gathered from log files of either format and turned into the
 * frame {@link PredictionLogReader} returns: input fields typed by the bundle's schema (text for
 * text fields, numbers as doubles for the rest: booleans 0/1, timestamps in epoch microseconds),
 * every output seen as doubles (text outputs as missing), then the row's identity columns.
 */
final class LogTable {
  private final Map<String, Values> inputs = new LinkedHashMap<>();
  private final Map<String, Values> outputs = new LinkedHashMap<>();
  private final String model;
  private final Set<String> roles;
  private final long sinceMicros;
  private long[] times = new long[1024];
  private long[] rowNumbers = new long[1024];
  private String[] requestIds = new String[1024];
  private String[] versions = new String[1024];
  private int size;

  /** Gathers the rows of {@code model} in {@code roles} logged at or after {@code sinceMicros}. */
  LogTable(List<FieldSpec> fields, String model, Set<String> roles, long sinceMicros) {
    this.model = model;
    this.roles = roles;
    this.sinceMicros = sinceMicros;
    for (FieldSpec field : fields) {
      inputs.put(field.name(), new Values(field.type() == ColumnType.STRING));
    }
  }

  /** Returns whether an entry of this model, role and time belongs to the table. */
  boolean accepts(String entryModel, String role, long micros) {
    return model.equals(entryModel) && roles.contains(role) && micros >= sinceMicros;
  }

  /** Returns the number of rows gathered. */
  int size() {
    return size;
  }

  /**
   * Adds {@code rows} rows of one entry, numbered from {@code firstRow}, and returns the index of
   * the first; their values are then set with {@link #input} and {@link #output}.
   */
  int add(int rows, long firstRow, long micros, String requestId, String version) {
    int first = size;
    if (size + rows > times.length) {
      int capacity = Math.max(size + rows, 2 * times.length);
      times = Arrays.copyOf(times, capacity);
      rowNumbers = Arrays.copyOf(rowNumbers, capacity);
      requestIds = Arrays.copyOf(requestIds, capacity);
      versions = Arrays.copyOf(versions, capacity);
    }
    for (int r = 0; r < rows; r++) {
      times[size] = micros;
      rowNumbers[size] = firstRow + r;
      requestIds[size] = requestId;
      versions[size] = version;
      size++;
    }
    return first;
  }

  /** Returns the values of an input field, or null for a name the bundle has no field of. */
  Values input(String name) {
    return inputs.get(name);
  }

  /** Returns the values of an output, adding it (missing in earlier rows) when first seen. */
  Values output(String name) {
    return outputs.computeIfAbsent(name, n -> new Values(false));
  }

  /** Returns the rows in time order (rows logged at the same time keep their order). */
  Frame frame() {
    int[] order = IntStream.range(0, size).boxed()
        .sorted(Comparator.comparingLong(i -> times[i])).mapToInt(Integer::intValue).toArray();
    List<Column> columns = new ArrayList<>();
    inputs.forEach((name, values) -> columns.add(values.column(name, order)));
    outputs.forEach((name, values) -> columns.add(values.column(name, order)));
    columns.add(StringColumn.of("request_id", pick(requestIds, order)));
    long[] rows = new long[size];
    long[] micros = new long[size];
    String[] version = pick(versions, order);
    for (int i = 0; i < size; i++) {
      rows[i] = rowNumbers[order[i]];
      micros[i] = times[order[i]];
    }
    columns.add(LongColumn.of("row", rows));
    columns.add(TimestampColumn.of("timestamp", micros));
    columns.add(StringColumn.of("version", version));
    return Frame.of(columns);
  }

  private static String[] pick(String[] values, int[] order) {
    String[] picked = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      picked[i] = values[order[i]];
    }
    return picked;
  }

  /** One column's values by row index; a row never set is missing. */
  static final class Values {
    private final boolean text;
    private double[] numbers = new double[0];
    private String[] texts = new String[0];
    private final BitSet present = new BitSet();

    Values(boolean text) {
      this.text = text;
    }

    /** Returns whether the column holds text. */
    boolean text() {
      return text;
    }

    /** Sets a number (ignored by a text column, whose logged value was not text). */
    void number(int row, double value) {
      if (text) {
        return;
      }
      if (row >= numbers.length) {
        numbers = Arrays.copyOf(numbers, Math.max(row + 1, 2 * numbers.length));
      }
      numbers[row] = value;
      present.set(row);
    }

    /** Sets a text (ignored by a number column, as a text output is). */
    void text(int row, String value) {
      if (!text) {
        return;
      }
      if (row >= texts.length) {
        texts = Arrays.copyOf(texts, Math.max(row + 1, 2 * texts.length));
      }
      texts[row] = value;
      present.set(row);
    }

    Column column(String name, int[] order) {
      if (text) {
        String[] v = new String[order.length];
        for (int i = 0; i < order.length; i++) {
          v[i] = present.get(order[i]) ? texts[order[i]] : null;
        }
        return StringColumn.of(name, v);
      }
      double[] v = new double[order.length];
      BitSet nulls = new BitSet();
      for (int i = 0; i < order.length; i++) {
        if (present.get(order[i])) {
          v[i] = numbers[order[i]];
        } else {
          v[i] = Double.NaN;
          nulls.set(i);
        }
      }
      return new DoubleColumn(name, v, nulls);
    }
  }
}
