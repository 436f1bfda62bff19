package dev.kiln.data.expr;

import dev.kiln.core.pipeline.Names;
import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.Arrays;
import java.util.List;

/**
 * A reusable, mutable row laid out by a schema (slot {@code i} is the {@code i}-th column): fill it
 * with typed setters, then evaluate compiled expressions over it. One buffer per thread.
 */
public final class RowBuffer implements RowAccessor {
  private final FrameSchema schema;
  private final List<String> names;
  private final ColumnType[] types;
  private final double[] doubles;
  private final long[] longs;
  private final boolean[] booleans;
  private final String[] strings;
  private final boolean[] nulls;
  final Scalar scratch = new Scalar();

  /** Creates a buffer for a schema, every slot missing. */
  public RowBuffer(FrameSchema schema) {
    this.schema = schema;
    this.names = List.copyOf(schema.columns().keySet());
    this.types = schema.columns().values().toArray(ColumnType[]::new);
    int n = types.length;
    doubles = new double[n];
    longs = new long[n];
    booleans = new boolean[n];
    strings = new String[n];
    nulls = new boolean[n];
    clear();
  }

  /** Returns the schema. */
  public FrameSchema schema() {
    return schema;
  }

  /**
   * Returns the slot of a column.
   *
   * @throws DataFormatException naming the column, with the closest existing name
   */
  public int slot(String name) {
    int slot = names.indexOf(name);
    if (slot < 0) {
      throw new DataFormatException("Row has no column '" + name + "'.", Names.closest(name, names)
          .map(n -> "did you mean '" + n + "'?").orElse("columns are " + names));
    }
    return slot;
  }

  /** Marks every slot missing. */
  public void clear() {
    Arrays.fill(nulls, true);
  }

  /** Sets a slot missing. */
  public void setNull(int slot) {
    nulls[slot] = true;
  }

  /** Sets a DOUBLE slot (NaN counts as missing), or a LONG slot truncating toward zero. */
  public void setDouble(int slot, double v) {
    if (types[slot] == ColumnType.LONG) {
      longs[slot] = (long) v;
      nulls[slot] = Double.isNaN(v);
      return;
    }
    require(slot, ColumnType.DOUBLE);
    doubles[slot] = v;
    nulls[slot] = Double.isNaN(v);
  }

  /** Sets a LONG or TIMESTAMP (epoch microseconds) slot, or a DOUBLE slot. */
  public void setLong(int slot, long v) {
    if (types[slot] == ColumnType.DOUBLE) {
      setDouble(slot, v);
      return;
    }
    if (types[slot] != ColumnType.TIMESTAMP) {
      require(slot, ColumnType.LONG);
    }
    longs[slot] = v;
    nulls[slot] = false;
  }

  /** Sets a BOOLEAN slot. */
  public void setBoolean(int slot, boolean v) {
    require(slot, ColumnType.BOOLEAN);
    booleans[slot] = v;
    nulls[slot] = false;
  }

  /** Sets a STRING slot (null = missing). */
  public void setString(int slot, String v) {
    require(slot, ColumnType.STRING);
    strings[slot] = v;
    nulls[slot] = v == null;
  }

  /**
   * Copies one row of a frame into the slots of the same names; slots the frame has no column for
   * are left as they are.
   */
  public void setRow(Frame frame, int row) {
    for (int slot = 0; slot < types.length; slot++) {
      if (!frame.hasColumn(names.get(slot))) {
        continue;
      }
      Column c = frame.column(names.get(slot));
      if (c.isNull(row)) {
        nulls[slot] = true;
      } else if (c instanceof StringColumn s) {
        setString(slot, s.getString(row));
      } else if (c instanceof BooleanColumn b) {
        setBoolean(slot, b.getBoolean(row));
      } else if (c instanceof LongColumn l) {
        setLong(slot, l.getLong(row));
      } else if (c instanceof TimestampColumn t) {
        setLong(slot, t.getLong(row));
      } else {
        setDouble(slot, c.getDouble(row));
      }
    }
  }

  private void require(int slot, ColumnType type) {
    if (types[slot] != type) {
      throw new DataFormatException("Column '" + names.get(slot) + "' holds "
          + Binder.name(types[slot]) + " values, not " + Binder.name(type) + ".",
          "convert the value before setting it");
    }
  }

  @Override
  public boolean isNull(int slot) {
    return nulls[slot];
  }

  @Override
  public double getDouble(int slot) {
    return doubles[slot];
  }

  @Override
  public long getLong(int slot) {
    return longs[slot];
  }

  @Override
  public boolean getBoolean(int slot) {
    return booleans[slot];
  }

  @Override
  public String getString(int slot) {
    return strings[slot];
  }

  /** Stores a value computed by a derived column. */
  void store(int slot, ColumnType type, Scalar v) {
    nulls[slot] = v.isNull;
    switch (type) {
      case DOUBLE -> doubles[slot] = v.d;
      case LONG, TIMESTAMP -> longs[slot] = v.l;
      case BOOLEAN -> booleans[slot] = v.b;
      case STRING -> strings[slot] = v.isNull ? null : v.s;
    }
  }
}
