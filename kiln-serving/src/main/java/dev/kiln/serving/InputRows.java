package dev.kiln.serving;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.expr.RowBuffer;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.RowFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request's input rows, already checked against the model's input schema, in flat row-major
 * arrays: numbers (booleans as 0/1), timestamps as epoch microseconds, text, and a missing flag
 * per value. A streaming decoder fills it with no tree and no per-value objects; the model's
 * features are computed from it per row ({@link RowFeatures.RowSource}), and {@link #frame()} gives
 * the same frame {@link InputFrames} builds, for the paths that work on frames.
 *
 * <p>Filled by one thread, then only read: it is safe to hand to the prediction log's writer,
 * which encodes the values as they are (a {@link Supplier} of the frame for other readers).
 */
public final class InputRows implements RowFeatures.RowSource, Supplier<Frame> {
  private final List<FieldSpec> fields;
  private final ColumnType[] types;
  private final int width;
  private final boolean hasText;
  private final boolean hasTime;
  private double[] numbers;
  private long[] micros;
  private String[] texts;
  private boolean[] missing;
  private boolean fractions;
  private int rows;

  /** Creates empty rows for a model's input fields, with room for {@code expectedRows}. */
  public InputRows(List<FieldSpec> fields, int expectedRows) {
    this.fields = fields;
    this.width = fields.size();
    this.types = new ColumnType[width];
    boolean text = false;
    boolean time = false;
    for (int f = 0; f < width; f++) {
      types[f] = fields.get(f).type();
      text |= types[f] == ColumnType.STRING;
      time |= types[f] == ColumnType.TIMESTAMP;
    }
    this.hasText = text;
    this.hasTime = time;
    allocate(Math.max(1, expectedRows));
  }

  private void allocate(int capacity) {
    numbers = numbers == null ? new double[capacity * width]
        : Arrays.copyOf(numbers, capacity * width);
    missing = missing == null ? new boolean[capacity * width]
        : Arrays.copyOf(missing, capacity * width);
    if (hasText) {
      texts = texts == null ? new String[capacity * width] : Arrays.copyOf(texts, capacity * width);
    }
    if (hasTime) {
      micros = micros == null ? new long[capacity * width] : Arrays.copyOf(micros, capacity * width);
    }
  }

  /** Returns the model's input fields, in the order of the values of a row. */
  public List<FieldSpec> fields() {
    return fields;
  }

  /** Returns the number of rows. */
  public int rowCount() {
    return rows;
  }

  /** Adds a row (every value still to be set) and returns its index. */
  public int addRow() {
    if ((rows + 1) * width > numbers.length) {
      allocate(Math.max(2 * rows, 1));
    }
    return rows++;
  }

  /**
   * Sets a number of a {@code DOUBLE} or {@code LONG} field, or 0/1 of a {@code BOOLEAN} field.
   * The caller has checked that it is finite.
   */
  public void setNumber(int row, int field, double value) {
    numbers[row * width + field] = value;
    if (types[field] == ColumnType.LONG) {
      fractions |= value != Math.rint(value) || Math.abs(value) > InputFrames.MAX_EXACT_LONG;
    }
  }

  /** Sets the text of a {@code STRING} field. */
  public void setText(int row, int field, String value) {
    texts[row * width + field] = value;
  }

  /** Sets a {@code TIMESTAMP} field, in microseconds since the epoch. */
  public void setMicros(int row, int field, long value) {
    micros[row * width + field] = value;
  }

  /** Marks a value missing (an explicit null the field allows). */
  public void setMissing(int row, int field) {
    missing[row * width + field] = true;
  }

  /**
   * Returns whether a whole-number field got a fraction: its column is then doubles (as
   * {@link InputFrames} builds it), which the per-row features do not cover.
   */
  public boolean hasFractions() {
    return fractions;
  }

  @Override
  public void fill(RowBuffer row, int r) {
    int base = r * width;
    for (int f = 0; f < width; f++) {
      if (missing[base + f]) {
        row.setNull(f);
        continue;
      }
      switch (types[f]) {
        case DOUBLE -> row.setDouble(f, numbers[base + f]);
        case LONG -> row.setLong(f, (long) numbers[base + f]);
        case BOOLEAN -> row.setBoolean(f, numbers[base + f] != 0);
        case STRING -> row.setString(f, texts[base + f]);
        case TIMESTAMP -> row.setLong(f, micros[base + f]);
      }
    }
  }

  /** Returns {@link #frame()}. */
  @Override
  public Frame get() {
    return frame();
  }

  /** Returns the type of field {@code f}. */
  ColumnType type(int f) {
    return types[f];
  }

  /** Returns whether value {@code (r, f)} is missing. */
  boolean isMissing(int r, int f) {
    return missing[r * width + f];
  }

  /** Returns the number (or boolean 0/1) of value {@code (r, f)}. */
  double number(int r, int f) {
    return numbers[r * width + f];
  }

  /** Returns the text of value {@code (r, f)}. */
  String text(int r, int f) {
    return texts[r * width + f];
  }

  /** Returns the timestamp of value {@code (r, f)}, in epoch microseconds. */
  long micros(int r, int f) {
    return micros[r * width + f];
  }

  /** Returns the rows as the frame {@link InputFrames#build} gives for the same values. */
  public Frame frame() {
    List<Column> columns = new ArrayList<>(width);
    for (int f = 0; f < width; f++) {
      columns.add(column(f));
    }
    return Frame.of(columns);
  }

  private Column column(int f) {
    String name = fields.get(f).name();
    BitSet nulls = new BitSet(rows);
    for (int r = 0; r < rows; r++) {
      if (missing[r * width + f]) {
        nulls.set(r);
      }
    }
    return switch (types[f]) {
      case DOUBLE, LONG -> {
        double[] v = new double[rows];
        boolean whole = true;
        for (int r = 0; r < rows; r++) {
          v[r] = nulls.get(r) ? Double.NaN : numbers[r * width + f];
          whole &= nulls.get(r) || (v[r] == Math.rint(v[r]) && Math.abs(v[r]) <= InputFrames.MAX_EXACT_LONG);
        }
        yield types[f] == ColumnType.LONG && whole ? InputFrames.longs(name, v, nulls)
            : new DoubleColumn(name, v, nulls);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[rows];
        for (int r = 0; r < rows; r++) {
          v[r] = !nulls.get(r) && numbers[r * width + f] != 0;
        }
        yield new BooleanColumn(name, v, nulls);
      }
      case STRING -> {
        String[] v = new String[rows];
        for (int r = 0; r < rows; r++) {
          v[r] = nulls.get(r) ? null : texts[r * width + f];
        }
        yield new StringColumn(name, v);
      }
      case TIMESTAMP -> {
        long[] v = new long[rows];
        for (int r = 0; r < rows; r++) {
          v[r] = nulls.get(r) ? 0 : micros[r * width + f];
        }
        yield new TimestampColumn(name, v, nulls);
      }
    };
  }
}
