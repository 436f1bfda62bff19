package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.List;

/** {@code case when c1 then v1 ... else e end}: the first condition that is true (not null) wins. */
final class CaseNode extends Node {
  private final Node[] whens;
  private final Node[] thens;
  private final Node otherwise;

  CaseNode(ColumnType type, List<Node> whens, List<Node> thens, Node otherwise) {
    super(type);
    this.whens = whens.toArray(Node[]::new);
    this.thens = thens.toArray(Node[]::new);
    this.otherwise = otherwise;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(whens.length + 1);
    for (int k = 0; k < whens.length; k++) {
      whens[k].eval(row, in[k]);
      if (!in[k].isNull && in[k].b) {
        thens[k].eval(row, in[whens.length]);
        out.copy(in[whens.length]);
        return;
      }
    }
    otherwise.eval(row, in[whens.length]);
    out.copy(in[whens.length]);
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec[] conditions = new Vec[whens.length];
    Vec[] values = new Vec[whens.length];
    for (int k = 0; k < whens.length; k++) {
      conditions[k] = whens[k].eval(columns, rows);
      values[k] = thens[k].eval(columns, rows);
    }
    Vec fallback = otherwise.eval(columns, rows);
    Vec out = new Vec(type, rows);
    for (int i = 0; i < rows; i++) {
      Vec chosen = fallback;
      for (int k = 0; k < whens.length; k++) {
        if (!conditions[k].isNull(i) && conditions[k].b[i]) {
          chosen = values[k];
          break;
        }
      }
      out.copy(i, chosen, i);
    }
    return out;
  }
}
