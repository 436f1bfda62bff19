package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import java.util.BitSet;

/**
 * {@code + - * / %} over two operands of this node's type (LONG or DOUBLE; the binder casts).
 * Division or remainder by zero gives null; long arithmetic wraps on overflow as Java's does.
 */
final class ArithNode extends Node {
  private final char op;
  private final Node left;
  private final Node right;

  ArithNode(char op, Node left, Node right) {
    super(left.type);
    this.op = op;
    this.left = left;
    this.right = right;
  }

  static double apply(char op, double a, double b) {
    return switch (op) {
      case '+' -> a + b;
      case '-' -> a - b;
      case '*' -> a * b;
      case '/' -> b == 0 ? Double.NaN : a / b;
      default -> b == 0 ? Double.NaN : a % b;
    };
  }

  /** Long arithmetic; the caller handles a zero divisor (null). */
  static long apply(char op, long a, long b) {
    return switch (op) {
      case '+' -> a + b;
      case '-' -> a - b;
      case '*' -> a * b;
      case '/' -> a / b;
      default -> a % b;
    };
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    Scalar[] in = out.args(2);
    left.eval(row, in[0]);
    right.eval(row, in[1]);
    if (in[0].isNull || in[1].isNull) {
      out.setNull();
    } else if (type == ColumnType.DOUBLE) {
      out.setDouble(apply(op, in[0].d, in[1].d));
    } else if ((op == '/' || op == '%') && in[1].l == 0) {
      out.setNull();
    } else {
      out.setLong(apply(op, in[0].l, in[1].l));
    }
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    Vec a = left.eval(columns, rows);
    Vec b = right.eval(columns, rows);
    Vec out = new Vec(type, rows);
    if (type == ColumnType.DOUBLE) {
      double[] x = a.d;
      double[] y = b.d;
      double[] z = out.d;
      switch (op) {
        case '+' -> { for (int i = 0; i < rows; i++) z[i] = x[i] + y[i]; }
        case '-' -> { for (int i = 0; i < rows; i++) z[i] = x[i] - y[i]; }
        case '*' -> { for (int i = 0; i < rows; i++) z[i] = x[i] * y[i]; }
        default -> { for (int i = 0; i < rows; i++) z[i] = apply(op, x[i], y[i]); }
      }
      return out;
    }
    out.nulls = union(a.nulls, b.nulls);
    long[] x = a.l;
    long[] y = b.l;
    long[] z = out.l;
    boolean divides = op == '/' || op == '%';
    for (int i = 0; i < rows; i++) {
      if (divides && y[i] == 0) {
        out.setNull(i);
      } else {
        z[i] = apply(op, x[i], y[i]);
      }
    }
    return out;
  }

  /** Returns the union of two null masks (either may be null). */
  static BitSet union(BitSet a, BitSet b) {
    if (a == null) {
      return b == null ? null : (BitSet) b.clone();
    }
    BitSet out = (BitSet) a.clone();
    if (b != null) {
      out.or(b);
    }
    return out;
  }
}
