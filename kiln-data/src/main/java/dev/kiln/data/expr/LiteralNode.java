package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.Arrays;
import java.util.BitSet;

/** A constant; {@code null} literals carry the type their context gave them. */
final class LiteralNode extends Node {
  final Scalar value;
  private final boolean untypedNull;

  private LiteralNode(ColumnType type, Scalar value, boolean untypedNull) {
    super(type);
    this.value = value;
    this.untypedNull = untypedNull;
  }

  /** Creates a constant of a type from a scalar (copied). */
  static LiteralNode of(ColumnType type, Scalar v) {
    Scalar copy = new Scalar();
    copy.copy(v);
    return new LiteralNode(type, copy, false);
  }

  /** The {@code null} literal before its type is known (typed as DOUBLE when nothing says more). */
  static LiteralNode untypedNull() {
    Scalar v = new Scalar();
    v.setNull();
    return new LiteralNode(ColumnType.DOUBLE, v, true);
  }

  /** A typed null. */
  static LiteralNode nullOf(ColumnType type) {
    Scalar v = new Scalar();
    v.setNull();
    return new LiteralNode(type, v, false);
  }

  @Override
  boolean isNullLiteral() {
    return untypedNull;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    out.copy(value);
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec out = new Vec(type, rows);
    if (value.isNull) {
      switch (type) {
        case DOUBLE -> Arrays.fill(out.d, Double.NaN);
        case STRING -> { }
        default -> {
          out.nulls = new BitSet(rows);
          out.nulls.set(0, rows);
        }
      }
      return out;
    }
    switch (type) {
      case DOUBLE -> Arrays.fill(out.d, value.d);
      case LONG, TIMESTAMP -> Arrays.fill(out.l, value.l);
      case BOOLEAN -> Arrays.fill(out.b, value.b);
      case STRING -> Arrays.fill(out.s, value.s);
    }
    return out;
  }
}
