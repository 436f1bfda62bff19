package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;

/**
 * A derived column as stored in configuration and model bundles: its name, its expression text
 * and, optionally, its declared type (the value is converted to it as {@code cast} does). Plain
 * values, so it serializes to JSON or YAML as {@code {"name": "log_amount", "expression":
 * "log1p(Amount)", "type": "double"}}.
 *
 * @param name the column name
 * @param expression the expression text
 * @param type the declared type, or null to use the expression's own type
 */
public record DerivedColumn(String name, String expression, ColumnType type) {
  /**
   * Checks the name and parses the expression.
   *
   * @throws DataFormatException if the name is blank
   * @throws ExpressionException if the expression does not parse
   */
  public DerivedColumn {
    if (name == null || name.isBlank()) {
      throw new DataFormatException("A derived column needs a name (expression '" + expression
          + "').", "give each derived column a name, e.g. log_amount: log1p(Amount)");
    }
    if (expression == null) {
      throw new DataFormatException("Derived column '" + name + "' has no expression.",
          "write one, e.g. log1p(Amount)");
    }
    Expression.parse(expression);
  }

  /** Creates a derived column whose type is the expression's. */
  public static DerivedColumn of(String name, String expression) {
    return new DerivedColumn(name, expression, null);
  }

  /** Returns the parsed expression. */
  public Expression parsed() {
    return Expression.parse(expression);
  }
}
