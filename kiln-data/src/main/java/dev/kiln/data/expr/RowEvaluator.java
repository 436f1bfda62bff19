package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;

/**
 * An expression compiled against a schema, evaluated one row at a time (as a model server computes
 * derived features per request). Immutable and thread-safe; each thread passes its own
 * {@link Scalar}, which makes repeated evaluation allocation-free.
 */
public final class RowEvaluator {
  private final Expression expression;
  private final Node node;

  RowEvaluator(Expression expression, Node node) {
    this.expression = expression;
    this.node = node;
  }

  /** Returns the compiled expression. */
  public Expression expression() {
    return expression;
  }

  /** Returns the type of the value. */
  public ColumnType type() {
    return node.type;
  }

  /** Evaluates over a row; the value (or null) is left in {@code out}. */
  public void evaluate(RowAccessor row, Scalar out) {
    node.eval(row, out);
  }

  /**
   * Evaluates over a row and returns the value as a double, as {@code Column.getDouble} would:
   * booleans as 0/1, timestamps as epoch microseconds, NaN when missing.
   *
   * @throws DataFormatException if the expression gives text
   */
  public double evaluateDouble(RowAccessor row, Scalar scratch) {
    node.eval(row, scratch);
    if (scratch.isNull) {
      return Double.NaN;
    }
    return switch (node.type) {
      case DOUBLE -> scratch.d;
      case LONG, TIMESTAMP -> scratch.l;
      case BOOLEAN -> scratch.b ? 1 : 0;
      case STRING -> throw new DataFormatException("Expression '" + expression.text()
          + "' gives text, not a number.", "convert it, e.g. cast(x as double), or encode it");
    };
  }

  @Override
  public String toString() {
    return expression.text() + " : " + Binder.name(node.type);
  }
}
