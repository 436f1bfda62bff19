package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed expression such as {@code log1p(Amount)} or
 * {@code case when hour(ts) < 6 then 'night' else 'day' end}. Parse once, then type-check against
 * a schema with {@link #type}, evaluate over a frame with {@link #evaluate}, or compile for
 * per-row evaluation with {@link #compile}. The language is described in docs/expressions.md.
 * Instances are immutable and thread-safe.
 */
public final class Expression {
  private final String text;
  private final Ast ast;

  private Expression(String text, Ast ast) {
    this.text = text;
    this.ast = ast;
  }

  /**
   * Parses an expression.
   *
   * @throws ExpressionException with the position of a syntax error
   */
  public static Expression parse(String text) {
    return new Expression(text, Parser.parse(text));
  }

  /** Returns the expression as written. */
  public String text() {
    return text;
  }

  /** Returns the names of the columns the expression reads, in order of first use. */
  public Set<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    collect(ast, out);
    return out;
  }

  /**
   * Returns the type of the expression's value over a schema.
   *
   * @throws ExpressionException naming the position of an unknown column or a type mismatch
   */
  public ColumnType type(FrameSchema schema) {
    return bind(schema).type;
  }

  /**
   * Evaluates the expression over whole columns of a frame.
   *
   * @param name the name of the returned column
   * @throws ExpressionException naming the position of an unknown column or a type mismatch
   */
  public Column evaluate(Frame frame, String name) {
    return evaluate(bind(frame.schema()), frame, name);
  }

  /**
   * Evaluates a bound expression over a frame. A timestamp result has the kind (date, local,
   * instant) of the first timestamp column the expression reads, else it is a local date-time.
   */
  Column evaluate(Node node, Frame frame, String name) {
    TimestampColumn.Kind kind = TimestampColumn.Kind.LOCAL;
    for (String c : columns()) {
      if (frame.column(c) instanceof TimestampColumn t) {
        kind = t.kind();
        break;
      }
    }
    return node.eval(frame.columns().toArray(Column[]::new), frame.rowCount()).toColumn(name,
        kind);
  }

  /**
   * Compiles the expression for evaluation one row at a time: the evaluator reads slot {@code i}
   * of a {@link RowAccessor} as the {@code i}-th column of the schema.
   *
   * @throws ExpressionException naming the position of an unknown column or a type mismatch
   */
  public RowEvaluator compile(FrameSchema schema) {
    return new RowEvaluator(this, bind(schema));
  }

  Node bind(FrameSchema schema) {
    return new Binder(text, schema).bind(ast);
  }

  /** Returns the expression with an implicit conversion of its value to a type. */
  Node bindAs(FrameSchema schema, ColumnType type) {
    return new Binder(text, schema).cast(ast, type);
  }

  private static void collect(Ast a, Set<String> out) {
    if (a instanceof Ast.ColumnRef c) {
      out.add(c.name());
    } else if (a instanceof Ast.Unary u) {
      collect(u.arg(), out);
    } else if (a instanceof Ast.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (a instanceof Ast.IsNull n) {
      collect(n.arg(), out);
    } else if (a instanceof Ast.In in) {
      collect(in.arg(), out);
    } else if (a instanceof Ast.Case c) {
      List<Ast> parts = new ArrayList<>();
      parts.add(c.subject());
      for (int i = 0; i < c.whens().size(); i++) {
        parts.add(c.whens().get(i));
        parts.add(c.thens().get(i));
      }
      parts.add(c.otherwise());
      parts.stream().filter(p -> p != null).forEach(p -> collect(p, out));
    } else if (a instanceof Ast.Cast c) {
      collect(c.arg(), out);
    } else if (a instanceof Ast.MapOf m) {
      collect(m.arg(), out);
      m.values().forEach(v -> collect(v, out));
      if (m.otherwise() != null) {
        collect(m.otherwise(), out);
      }
    } else if (a instanceof Ast.Call c) {
      c.args().forEach(x -> collect(x, out));
    }
  }

  /** Returns the expression text. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression e && e.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
