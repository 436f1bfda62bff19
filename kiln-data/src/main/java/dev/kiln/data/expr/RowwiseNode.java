package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.List;

/**
 * A node defined by one kernel over its evaluated arguments. Per row the kernel runs once; over
 * columns it runs for each row on the arguments' vectors — the same code both ways.
 */
abstract class RowwiseNode extends Node {
  final Node[] args;

  RowwiseNode(ColumnType type, List<Node> args) {
    super(type);
    this.args = args.toArray(Node[]::new);
  }

  /** Computes the value from evaluated arguments; must not change {@code in}. */
  abstract void apply(Scalar[] in, Scalar out);

  @Override
  final void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(args.length);
    for (int k = 0; k < args.length; k++) {
      args[k].eval(row, in[k]);
    }
    apply(in, out);
  }

  @Override
  final Vec eval(Column[] columns, int rows) {
    Vec[] vs = new Vec[args.length];
    for (int k = 0; k < args.length; k++) {
      vs[k] = args[k].eval(columns, rows);
    }
    Scalar scratch = new Scalar();
    Scalar[] in = scratch.args(args.length);
    Vec out = new Vec(type, rows);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < vs.length; k++) {
        vs[k].load(i, in[k]);
      }
      apply(in, scratch);
      out.store(i, scratch);
    }
    return out;
  }
}
