package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;

/** A LONG value read as DOUBLE, as arithmetic that mixes them does. */
final class WidenNode extends Node {
  private final Node arg;

  WidenNode(Node arg) {
    super(ColumnType.DOUBLE);
    this.arg = arg;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(1);
    arg.eval(row, in[0]);
    out.setDouble(in[0].isNull ? Double.NaN : in[0].l);
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec a = arg.eval(columns, rows);
    Vec out = new Vec(ColumnType.DOUBLE, rows);
    for (int i = 0; i < rows; i++) {
      out.d[i] = a.nulls != null && a.nulls.get(i) ? Double.NaN : a.l[i];
    }
    return out;
  }
}
