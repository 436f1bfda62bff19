package dev.kiln.data.expr;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.BitSet;

/**
 * A column of intermediate values in vectorized evaluation. Doubles mark missing values as NaN;
 * longs, timestamps and booleans use {@link #nulls} (null when none is missing); strings use null
 * elements.
 */
final class Vec {
  final ColumnType type;
  final int size;
  double[] d;
  long[] l;
  boolean[] b;
  String[] s;
  BitSet nulls;

  Vec(ColumnType type, int size) {
    this.type = type;
    this.size = size;
    switch (type) {
      case DOUBLE -> d = new double[size];
      case LONG, TIMESTAMP -> l = new long[size];
      case BOOLEAN -> b = new boolean[size];
      case STRING -> s = new String[size];
    }
  }

  boolean isNull(int i) {
    return switch (type) {
      case DOUBLE -> Double.isNaN(d[i]);
      case STRING -> s[i] == null;
      default -> nulls != null && nulls.get(i);
    };
  }

  void setNull(int i) {
    switch (type) {
      case DOUBLE -> d[i] = Double.NaN;
      case STRING -> s[i] = null;
      default -> {
        if (nulls == null) {
          nulls = new BitSet(size);
        }
        nulls.set(i);
      }
    }
  }

  /** Loads element {@code i} into a scalar. */
  void load(int i, Scalar out) {
    if (isNull(i)) {
      out.setNull();
      return;
    }
    switch (type) {
      case DOUBLE -> out.setDouble(d[i]);
      case LONG, TIMESTAMP -> out.setLong(l[i]);
      case BOOLEAN -> out.setBoolean(b[i]);
      case STRING -> out.setString(s[i]);
    }
  }

  /** Stores a scalar (of this vector's type) at element {@code i}. */
  void store(int i, Scalar v) {
    if (v.isNull) {
      setNull(i);
      return;
    }
    switch (type) {
      case DOUBLE -> d[i] = v.d;
      case LONG, TIMESTAMP -> l[i] = v.l;
      case BOOLEAN -> b[i] = v.b;
      case STRING -> s[i] = v.s;
    }
  }

  /** Copies element {@code from} of another vector of the same type to element {@code i}. */
  void copy(int i, Vec other, int from) {
    if (other.isNull(from)) {
      setNull(i);
      return;
    }
    switch (type) {
      case DOUBLE -> d[i] = other.d[from];
      case LONG, TIMESTAMP -> l[i] = other.l[from];
      case BOOLEAN -> b[i] = other.b[from];
      case STRING -> s[i] = other.s[from];
    }
  }

  /** Reads a frame column (a copy of its values). */
  static Vec of(Column c) {
    int n = c.size();
    Vec v = new Vec(c.type(), n);
    if (c instanceof DoubleColumn dc) {
      for (int i = 0; i < n; i++) {
        v.d[i] = dc.getDouble(i);
      }
    } else if (c instanceof LongColumn || c instanceof TimestampColumn) {
      for (int i = 0; i < n; i++) {
        v.l[i] = c.getLong(i);
      }
    } else if (c instanceof BooleanColumn bc) {
      for (int i = 0; i < n; i++) {
        v.b[i] = bc.getBoolean(i);
      }
    } else {
      StringColumn sc = (StringColumn) c;
      for (int i = 0; i < n; i++) {
        v.s[i] = sc.getString(i);
      }
    }
    if (c.type() != ColumnType.DOUBLE && c.type() != ColumnType.STRING && c.nullCount() > 0) {
      v.nulls = new BitSet(n);
      for (int i = 0; i < n; i++) {
        if (c.isNull(i)) {
          v.nulls.set(i);
        }
      }
    }
    return v;
  }

  /**
   * Returns a frame column holding these values; NaN doubles become missing values, timestamps
   * are of the given kind.
   */
  Column toColumn(String name, TimestampColumn.Kind kind) {
    return switch (type) {
      case DOUBLE -> {
        BitSet mask = null;
        for (int i = 0; i < size; i++) {
          if (Double.isNaN(d[i])) {
            mask = mask == null ? new BitSet(size) : mask;
            mask.set(i);
          }
        }
        yield new DoubleColumn(name, d, mask);
      }
      case LONG -> new LongColumn(name, l, nulls);
      case TIMESTAMP -> new TimestampColumn(name, l, nulls, kind);
      case BOOLEAN -> new BooleanColumn(name, b, nulls);
      case STRING -> new StringColumn(name, s);
    };
  }
}
