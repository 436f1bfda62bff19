package dev.kiln.data;

import java.util.Arrays;
import java.util.Objects;

/** A column of strings; a null element is a missing value. */
public final class StringColumn implements Column {
  private final String name;
  private final String[] values;

  /** Creates a column; the array is owned by the column from now on (null = missing). */
  public StringColumn(String name, String[] values) {
    this.name = name;
    this.values = values;
  }

  /** Creates a column from values (null = missing). */
  public static StringColumn of(String name, String... values) {
    return new StringColumn(name, values);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int row) {
    return values[row] == null;
  }

  @Override
  public int nullCount() {
    return (int) Arrays.stream(values).filter(Objects::isNull).count();
  }

  /** Returns the value at a row, or null if missing. */
  public String getString(int row) {
    return values[row];
  }

  @Override
  public double getDouble(int row) {
    throw new DataFormatException("Column '" + name + "' holds strings, not numbers.",
        "encode it first (e.g. with a one-hot encoder) or select numeric columns only");
  }

  @Override
  public Object get(int row) {
    return values[row];
  }

  @Override
  public StringColumn take(int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new StringColumn(name, out);
  }

  @Override
  public StringColumn renamed(String newName) {
    return new StringColumn(newName, values);
  }

  @Override
  public StringColumn append(Column other) {
    Column.requireSameType(this, other);
    String[] o = ((StringColumn) other).values;
    String[] out = Arrays.copyOf(values, values.length + o.length);
    System.arraycopy(o, 0, out, values.length, o.length);
    return new StringColumn(name, out);
  }
}
