package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.function.DoubleBinaryOperator;

/**
 * A function of one or two doubles, vectorized over double arrays. Missing values are NaN, so
 * a missing argument gives a missing result; a NaN result (such as {@code sqrt(-1)}) is a missing value.
 */
final class MathNode extends Node {
  private final DoubleBinaryOperator fn;
  private final Node x;
  private final Node y;

  /** A function of {@code x} and {@code y} (for one argument, {@code y} is null and ignored). */
  MathNode(DoubleBinaryOperator fn, Node x, Node y) {
    super(ColumnType.DOUBLE);
    this.fn = fn;
    this.x = x;
    this.y = y;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(2);
    x.eval(row, in[0]);
    double b = 0;
    if (y != null) {
      y.eval(row, in[1]);
      b = in[1].isNull ? Double.NaN : in[1].d;
    }
    out.setDouble(in[0].isNull || Double.isNaN(b) ? Double.NaN : fn.applyAsDouble(in[0].d, b));
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    double[] a = x.eval(columns, rows).d;
    double[] b = y == null ? null : y.eval(columns, rows).d;
    Vec out = new Vec(ColumnType.DOUBLE, rows);
    double[] z = out.d;
    for (int i = 0; i < rows; i++) {
      double v = a[i];
      double w = b == null ? 0 : b[i];
      z[i] = Double.isNaN(v) || Double.isNaN(w) ? Double.NaN : fn.applyAsDouble(v, w);
    }
    return out;
  }
}
