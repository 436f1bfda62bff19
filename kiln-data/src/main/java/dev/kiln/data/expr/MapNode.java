package dev.kiln.data.expr;

import dev.kiln.data.Column;
import java.util.List;

/**
 * {@code map(x, k1 -> v1, ..., default)} and {@code case x when k1 then v1 ... else default end}
 * with constant keys: the value of the first key equal to {@code x}, else the default.
 */
final class MapNode extends Node {
  private final Node arg;
  private final KeyIndex keys;
  private final Node[] values;
  private final Node otherwise;

  MapNode(Node arg, KeyIndex keys, List<Node> values, Node otherwise) {
    super(otherwise.type);
    this.arg = arg;
    this.keys = keys;
    this.values = values.toArray(Node[]::new);
    this.otherwise = otherwise;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(2);
    arg.eval(row, in[0]);
    int k = in[0].isNull ? -1 : keys.find(in[0]);
    (k < 0 ? otherwise : values[k]).eval(row, in[1]);
    out.copy(in[1]);
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec x = arg.eval(columns, rows);
    Vec[] vs = new Vec[values.length];
    for (int k = 0; k < values.length; k++) {
      vs[k] = values[k].eval(columns, rows);
    }
    Vec fallback = otherwise.eval(columns, rows);
    Vec out = new Vec(type, rows);
    Scalar v = new Scalar();
    for (int i = 0; i < rows; i++) {
      x.load(i, v);
      int k = v.isNull ? -1 : keys.find(v);
      out.copy(i, k < 0 ? fallback : vs[k], i);
    }
    return out;
  }
}
