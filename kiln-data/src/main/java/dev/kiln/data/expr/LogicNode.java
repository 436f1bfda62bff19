package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;

/**
 * {@code and} / {@code or} with SQL's three-valued logic: {@code false and null} is false,
 * {@code true or null} is true, other combinations with null are null.
 */
final class LogicNode extends Node {
  private final boolean isAnd;
  private final Node left;
  private final Node right;

  LogicNode(boolean isAnd, Node left, Node right) {
    super(ColumnType.BOOLEAN);
    this.isAnd = isAnd;
    this.left = left;
    this.right = right;
  }

  /** Combines two operands given as -1 (null), 0 (false) or 1 (true). */
  static int combine(boolean isAnd, int a, int b) {
    int decisive = isAnd ? 0 : 1;
    if (a == decisive || b == decisive) {
      return decisive;
    }
    return a < 0 || b < 0 ? -1 : 1 - decisive;
  }

  private static int state(Scalar v) {
    return v.isNull ? -1 : v.b ? 1 : 0;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(2);
    left.eval(row, in[0]);
    right.eval(row, in[1]);
    set(out, combine(isAnd, state(in[0]), state(in[1])));
  }

  static void set(Scalar out, int state) {
    if (state < 0) {
      out.setNull();
    } else {
      out.setBoolean(state == 1);
    }
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec a = left.eval(columns, rows);
    Vec b = right.eval(columns, rows);
    Vec out = new Vec(ColumnType.BOOLEAN, rows);
    if (a.nulls == null && b.nulls == null) {
      for (int i = 0; i < rows; i++) {
        out.b[i] = isAnd ? a.b[i] && b.b[i] : a.b[i] || b.b[i];
      }
      return out;
    }
    for (int i = 0; i < rows; i++) {
      int s = combine(isAnd, a.isNull(i) ? -1 : a.b[i] ? 1 : 0, b.isNull(i) ? -1 : b.b[i] ? 1 : 0);
      if (s < 0) {
        out.setNull(i);
      } else {
        out.b[i] = s == 1;
      }
    }
    return out;
  }
}
