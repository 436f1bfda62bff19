package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A mutable holder for one value of an expression evaluated per row. Reuse one per thread: it also
 * keeps the scratch space of the sub-expressions, so after the first evaluation nothing is
 * allocated (string functions aside, which create their result strings). Not thread-safe.
 */
public final class Scalar {
  private static final Scalar[] NONE = {};
  private static final Scalar[][] NO_VIEWS = {};

  boolean isNull;
  double d;
  long l;
  boolean b;
  String s;
  private Scalar[] pool = NONE;
  private Scalar[][] views = NO_VIEWS;

  /** Creates an empty holder. */
  public Scalar() {}

  /** Returns whether the value is missing (null, or a NaN double). */
  public boolean isNull() {
    return isNull;
  }

  /** Returns a double value (NaN when missing). */
  public double doubleValue() {
    return isNull ? Double.NaN : d;
  }

  /** Returns a long or timestamp (epoch microseconds) value; meaningless when missing. */
  public long longValue() {
    return l;
  }

  /** Returns a boolean value; meaningless when missing. */
  public boolean booleanValue() {
    return b;
  }

  /** Returns a string value, or null when missing. */
  public String stringValue() {
    return isNull ? null : s;
  }

  /** Returns the value boxed as a column of this type would ({@code Instant} for timestamps). */
  public Object toObject(ColumnType type) {
    if (isNull) {
      return null;
    }
    return switch (type) {
      case DOUBLE -> d;
      case LONG -> l;
      case BOOLEAN -> b;
      case STRING -> s;
      case TIMESTAMP -> Instant.EPOCH.plus(l, ChronoUnit.MICROS);
    };
  }

  /**
   * Returns the scratch holders of a node's {@code k} arguments: an array of exactly {@code k},
   * created on first use. Nodes evaluated into the same holder at different times share them.
   */
  Scalar[] args(int k) {
    if (k < views.length && views[k] != null) {
      return views[k];
    }
    if (pool.length < k) {
      Scalar[] grown = Arrays.copyOf(pool, k);
      for (int i = pool.length; i < k; i++) {
        grown[i] = new Scalar();
      }
      pool = grown;
      views = NO_VIEWS;
    }
    if (views.length <= k) {
      views = Arrays.copyOf(views, k + 1);
    }
    views[k] = Arrays.copyOf(pool, k);
    return views[k];
  }

  void setNull() {
    isNull = true;
  }

  void setDouble(double v) {
    d = v;
    isNull = Double.isNaN(v);
  }

  void setLong(long v) {
    l = v;
    isNull = false;
  }

  void setBoolean(boolean v) {
    b = v;
    isNull = false;
  }

  void setString(String v) {
    s = v;
    isNull = v == null;
  }

  void copy(Scalar from) {
    isNull = from.isNull;
    d = from.d;
    l = from.l;
    b = from.b;
    s = from.s;
  }
}
