package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.util.List;

/** Binds binary operators: arithmetic, comparisons, {@code and}, {@code or}. */
final class Operators {
  private Operators() {}

  static Node bind(Binder b, Ast.Binary ast) {
    Node left = b.bind(ast.left());
    Node right = b.bind(ast.right());
    String op = ast.op();
    switch (op) {
      case "and", "or" -> {
        return new LogicNode(op.equals("and"), b.coerce(left, ast.left(), ColumnType.BOOLEAN),
            b.coerce(right, ast.right(), ColumnType.BOOLEAN));
      }
      case "+", "-", "*", "/", "%" -> {
        return arithmetic(b, ast, left, right);
      }
      default -> {
        ColumnType type = b.common(List.of(left, right), List.of(ast.left(), ast.right()),
            "comparison '" + op + "'");
        return new CompareNode(op, b.coerce(left, ast.left(), type),
            b.coerce(right, ast.right(), type));
      }
    }
  }

  private static Node arithmetic(Binder b, Ast.Binary ast, Node left, Node right) {
    String op = ast.op();
    if (op.equals("+") && (left.type == ColumnType.STRING || right.type == ColumnType.STRING)
        && !left.isNullLiteral() && !right.isNullLiteral()) {
      throw b.error(ast, "'+' does not join text.", "use concat(a, b) or a || b");
    }
    Node x = b.numeric(left, ast.left(), op);
    Node y = b.numeric(right, ast.right(), op);
    boolean longs = x.type == ColumnType.LONG && y.type == ColumnType.LONG && !op.equals("/");
    ColumnType type = longs ? ColumnType.LONG : ColumnType.DOUBLE;
    return new ArithNode(op.charAt(0), b.coerce(x, ast.left(), type),
        b.coerce(y, ast.right(), type));
  }
}
