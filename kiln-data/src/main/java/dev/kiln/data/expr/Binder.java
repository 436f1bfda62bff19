package dev.kiln.data.expr;

import dev.kiln.core.pipeline.Names;
import dev.kiln.data.ColumnType;
import dev.kiln.data.FrameSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Type-checks a syntax tree against a schema and builds the typed tree; errors point at the text. */
final class Binder {
  private final String text;
  private final List<String> names;
  private final Map<String, ColumnType> types;

  Binder(String text, FrameSchema schema) {
    this.text = text;
    this.names = List.copyOf(schema.columns().keySet());
    this.types = schema.columns();
  }

  Node bind(Ast ast) {
    if (ast instanceof Ast.Literal l) {
      return literal(l);
    } else if (ast instanceof Ast.ColumnRef c) {
      return column(c);
    } else if (ast instanceof Ast.Unary u) {
      return unary(u);
    } else if (ast instanceof Ast.Binary b) {
      return Operators.bind(this, b);
    } else if (ast instanceof Ast.IsNull n) {
      boolean negated = n.negated();
      return new FunctionNode(ColumnType.BOOLEAN, List.of(bind(n.arg())),
          (in, out) -> out.setBoolean(in[0].isNull != negated));
    } else if (ast instanceof Ast.In in) {
      return Conditionals.in(this, in);
    } else if (ast instanceof Ast.Case c) {
      return Conditionals.caseWhen(this, c);
    } else if (ast instanceof Ast.MapOf m) {
      return Conditionals.map(this, m.arg(), m.keys(), m.values(), m.otherwise());
    } else if (ast instanceof Ast.Cast c) {
      return cast(c);
    }
    return Functions.bind(this, (Ast.Call) ast);
  }

  List<Node> bindAll(List<Ast> asts) {
    List<Node> out = new ArrayList<>();
    asts.forEach(a -> out.add(bind(a)));
    return out;
  }

  private Node literal(Ast.Literal l) {
    Object v = l.value();
    Scalar s = new Scalar();
    if (v == null) {
      return LiteralNode.untypedNull();
    } else if (v instanceof Long x) {
      s.setLong(x);
      return LiteralNode.of(ColumnType.LONG, s);
    } else if (v instanceof Double x) {
      s.setDouble(x);
      return LiteralNode.of(ColumnType.DOUBLE, s);
    } else if (v instanceof Boolean x) {
      s.setBoolean(x);
      return LiteralNode.of(ColumnType.BOOLEAN, s);
    }
    s.setString((String) v);
    return LiteralNode.of(ColumnType.STRING, s);
  }

  private Node column(Ast.ColumnRef c) {
    int slot = names.indexOf(c.name());
    if (slot >= 0) {
      return new ColumnNode(slot, types.get(c.name()));
    }
    String hint = Names.closest(c.name(), names).map(n -> "did you mean '" + n + "'?")
        .orElse("columns are " + Names.quoted(names.stream().sorted().toList()));
    throw error(c, "no column '" + c.name() + "'.", hint);
  }

  private Node unary(Ast.Unary u) {
    Node arg = bind(u.arg());
    if (u.op().equals("not")) {
      Node b = coerce(arg, u.arg(), ColumnType.BOOLEAN);
      return new FunctionNode(ColumnType.BOOLEAN, List.of(b), (in, out) -> {
        if (in[0].isNull) {
          out.setNull();
        } else {
          out.setBoolean(!in[0].b);
        }
      });
    }
    Node x = numeric(arg, u.arg(), "-");
    Scalar zero = new Scalar();
    zero.setLong(0);
    zero.setDouble(0);
    return new ArithNode('-', LiteralNode.of(x.type, zero), x);
  }

  private Node cast(Ast.Cast c) {
    ColumnType to;
    try {
      to = ColumnType.parse(c.typeName());
    } catch (RuntimeException e) {
      throw new ExpressionException(text, c.typeStart(), c.typeStart() + c.typeName().length(),
          "unknown type '" + c.typeName() + "'.",
          "use one of double, long, string, boolean, timestamp");
    }
    return cast(c.arg(), to);
  }

  /** Binds an expression and converts its value to a type as {@code cast} does. */
  Node cast(Ast ast, ColumnType to) {
    Node arg = bind(ast);
    if (arg.isNullLiteral()) {
      return LiteralNode.nullOf(to);
    }
    if (arg.type == to) {
      return arg;
    }
    if (!Casts.allowed(arg.type, to)) {
      throw error(ast, "cannot convert " + name(arg.type) + " to " + name(to) + ".",
          arg.type == ColumnType.TIMESTAMP ? "use epoch(x) for seconds since 1970, or year(x), ..."
              : "use to_timestamp(seconds) for a number of seconds since 1970");
    }
    if (arg.type == ColumnType.LONG && to == ColumnType.DOUBLE) {
      return new WidenNode(arg);
    }
    ColumnType from = arg.type;
    return new FunctionNode(to, List.of(arg), (in, out) -> Casts.apply(from, to, in[0], out));
  }

  // ---- type helpers shared by the binders of operators, conditionals and functions ----

  /** Requires a number (LONG or DOUBLE; a null literal becomes a DOUBLE null). */
  Node numeric(Node n, Ast at, String what) {
    if (n.isNullLiteral()) {
      return LiteralNode.nullOf(ColumnType.DOUBLE);
    }
    if (n.type != ColumnType.DOUBLE && n.type != ColumnType.LONG) {
      throw error(at, "'" + what + "' needs a number but got " + name(n.type) + ".",
          switch (n.type) {
            case STRING -> "convert text with cast(x as double)";
            case BOOLEAN -> "convert with cast(x as long) (true is 1)";
            default -> "use epoch(x) for seconds since 1970, or a date part such as hour(x)";
          });
    }
    return n;
  }

  /** Returns the type a set of values shares (numbers widen to DOUBLE; null literals adapt). */
  ColumnType common(List<Node> nodes, List<Ast> asts, String what) {
    ColumnType type = null;
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.isNullLiteral() || type == n.type) {
        continue;
      }
      if (type == null) {
        type = n.type;
      } else if (isNumber(type) && isNumber(n.type)) {
        type = ColumnType.DOUBLE;
      } else if (type == ColumnType.TIMESTAMP && isTextLiteral(n)) {
        continue;
      } else if (n.type == ColumnType.TIMESTAMP && nodes.subList(0, i).stream()
          .allMatch(m -> m.isNullLiteral() || isTextLiteral(m) || m.type == ColumnType.TIMESTAMP)) {
        type = ColumnType.TIMESTAMP;
      } else {
        throw error(asts.get(i), what + " mixes " + name(type) + " and " + name(n.type) + ".",
            "convert one side, e.g. cast(x as " + name(type) + ")");
      }
    }
    return type == null ? ColumnType.DOUBLE : type;
  }

  /** Converts a value to a type: a null literal, a long to double, a text literal to a timestamp. */
  Node coerce(Node n, Ast at, ColumnType to) {
    if (n.isNullLiteral()) {
      return LiteralNode.nullOf(to);
    }
    if (n.type == to) {
      return n;
    }
    if (n.type == ColumnType.LONG && to == ColumnType.DOUBLE) {
      if (n instanceof LiteralNode l) {
        Scalar s = new Scalar();
        s.setDouble(l.value.l);
        return LiteralNode.of(to, s);
      }
      return new WidenNode(n);
    }
    if (to == ColumnType.TIMESTAMP && isTextLiteral(n)) {
      Scalar s = new Scalar();
      try {
        s.setLong(Dates.parse(((LiteralNode) n).value.s));
      } catch (RuntimeException e) {
        throw error(at, "'" + ((LiteralNode) n).value.s + "' is not a date or timestamp.",
            "write dates as '2024-01-31' and times as '2024-01-31 13:45:00'");
      }
      return LiteralNode.of(to, s);
    }
    throw error(at, "expected " + name(to) + " but got " + name(n.type) + ".",
        "convert it with cast(x as " + name(to) + ")");
  }

  static boolean isNumber(ColumnType t) {
    return t == ColumnType.DOUBLE || t == ColumnType.LONG;
  }

  private static boolean isTextLiteral(Node n) {
    return n instanceof LiteralNode l && l.type == ColumnType.STRING && !l.value.isNull;
  }

  static String name(ColumnType t) {
    return t.name().toLowerCase(Locale.ROOT);
  }

  ExpressionException error(Ast at, String problem, String hint) {
    return new ExpressionException(text, at.start(), at.end(), problem, hint);
  }
}
