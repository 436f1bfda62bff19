package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;

/** A comparison of two operands of the same type; null when either is null. */
final class CompareNode extends Node {
  private final Node left;
  private final Node right;
  private final boolean less;
  private final boolean equal;
  private final boolean greater;

  CompareNode(String op, Node left, Node right) {
    super(ColumnType.BOOLEAN);
    this.left = left;
    this.right = right;
    this.less = test(op, -1);
    this.equal = test(op, 0);
    this.greater = test(op, 1);
  }

  private boolean outcome(int cmp) {
    return cmp < 0 ? less : cmp > 0 ? greater : equal;
  }

  static int compare(ColumnType type, Scalar a, Scalar b) {
    return switch (type) {
      case DOUBLE -> a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
      case LONG, TIMESTAMP -> Long.compare(a.l, b.l);
      case BOOLEAN -> Boolean.compare(a.b, b.b);
      case STRING -> a.s.compareTo(b.s);
    };
  }

  private static boolean test(String op, int cmp) {
    return switch (op) {
      case "=", "==" -> cmp == 0;
      case "!=", "<>" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(2);
    left.eval(row, in[0]);
    right.eval(row, in[1]);
    if (in[0].isNull || in[1].isNull) {
      out.setNull();
    } else {
      out.setBoolean(outcome(compare(left.type, in[0], in[1])));
    }
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec a = left.eval(columns, rows);
    Vec b = right.eval(columns, rows);
    Vec out = new Vec(ColumnType.BOOLEAN, rows);
    boolean[] z = out.b;
    if (left.type == ColumnType.DOUBLE) {
      double[] x = a.d;
      double[] y = b.d;
      for (int i = 0; i < rows; i++) {
        if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
          out.setNull(i);
        } else {
          z[i] = x[i] < y[i] ? less : x[i] > y[i] ? greater : equal;
        }
      }
      return out;
    }
    if (left.type == ColumnType.LONG || left.type == ColumnType.TIMESTAMP) {
      long[] x = a.l;
      long[] y = b.l;
      for (int i = 0; i < rows; i++) {
        z[i] = x[i] < y[i] ? less : x[i] > y[i] ? greater : equal;
      }
      out.nulls = ArithNode.union(a.nulls, b.nulls);
      return out;
    }
    Scalar sa = new Scalar();
    Scalar sb = new Scalar();
    for (int i = 0; i < rows; i++) {
      a.load(i, sa);
      b.load(i, sb);
      if (sa.isNull || sb.isNull) {
        out.setNull(i);
      } else {
        z[i] = outcome(compare(left.type, sa, sb));
      }
    }
    return out;
  }
}
