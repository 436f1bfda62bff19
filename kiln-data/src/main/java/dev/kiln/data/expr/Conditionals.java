package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code in (...)}, {@code case} and {@code map(...)}. */
final class Conditionals {
  private Conditionals() {}

  /** {@code x [not] in (k1, k2, ...)}: null when x is null, or when no key matches and one is null. */
  static Node in(Binder b, Ast.In ast) {
    Node arg = b.bind(ast.arg());
    List<Node> keys = constants(b, ast.values(), "in (...)");
    ColumnType type = b.common(concat(arg, keys), concat(ast.arg(), ast.values()), "in (...)");
    KeyIndex index = index(b, keys, ast.values(), type);
    boolean hasNull = keys.stream().anyMatch(k -> ((LiteralNode) k).value.isNull);
    boolean negated = ast.negated();
    return new FunctionNode(ColumnType.BOOLEAN, List.of(b.coerce(arg, ast.arg(), type)),
        (in, out) -> {
          if (in[0].isNull) {
            out.setNull();
          } else if (index.find(in[0]) >= 0) {
            out.setBoolean(!negated);
          } else if (hasNull) {
            out.setNull();
          } else {
            out.setBoolean(negated);
          }
        });
  }

  static Node caseWhen(Binder b, Ast.Case ast) {
    if (ast.subject() != null) {
      boolean constant = ast.whens().stream().allMatch(Conditionals::isConstant);
      if (constant) {
        return map(b, ast.subject(), ast.whens(), ast.thens(), ast.otherwise());
      }
      List<Ast> conditions = ast.whens().stream().map(w -> (Ast) new Ast.Binary("=",
          ast.subject(), w, w.start(), w.end())).toList();
      return caseWhen(b, new Ast.Case(null, conditions, ast.thens(), ast.otherwise(),
          ast.start(), ast.end()));
    }
    List<Node> whens = new ArrayList<>();
    for (Ast w : ast.whens()) {
      whens.add(b.coerce(b.bind(w), w, ColumnType.BOOLEAN));
    }
    List<Ast> valueAsts = withDefault(ast.thens(), ast.otherwise());
    List<Node> values = b.bindAll(valueAsts);
    ColumnType type = b.common(values, valueAsts, "case");
    List<Node> typed = coerceAll(b, values, valueAsts, type);
    Node otherwise = ast.otherwise() == null ? LiteralNode.nullOf(type) : typed.remove(
        typed.size() - 1);
    return new CaseNode(type, whens, typed, otherwise);
  }

  /** {@code map(x, k -> v, ..., default)}: keys are constants; no match gives the default (or null). */
  static Node map(Binder b, Ast arg, List<Ast> keyAsts, List<Ast> valueAsts, Ast otherwise) {
    Node x = b.bind(arg);
    List<Node> keys = constants(b, keyAsts, "map keys");
    ColumnType keyType = b.common(concat(x, keys), concat(arg, keyAsts), "map keys");
    KeyIndex index = index(b, keys, keyAsts, keyType);
    List<Ast> all = withDefault(valueAsts, otherwise);
    List<Node> values = b.bindAll(all);
    ColumnType type = b.common(values, all, "map values");
    List<Node> typed = coerceAll(b, values, all, type);
    Node fallback = otherwise == null ? LiteralNode.nullOf(type) : typed.remove(typed.size() - 1);
    return new MapNode(b.coerce(x, arg, keyType), index, typed, fallback);
  }

  private static List<Node> constants(Binder b, List<Ast> asts, String what) {
    for (Ast a : asts) {
      if (!isConstant(a)) {
        throw b.error(a, what + " takes constants (numbers, 'text', true, false, null).",
            "compare with an expression using = or case when ... instead");
      }
    }
    return b.bindAll(asts);
  }

  private static KeyIndex index(Binder b, List<Node> keys, List<Ast> asts, ColumnType type) {
    List<Scalar> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      values.add(((LiteralNode) constantOf(b, keys.get(i), asts.get(i), type)).value);
    }
    return new KeyIndex(type, values);
  }

  private static Node constantOf(Binder b, Node key, Ast at, ColumnType type) {
    if (key.type == ColumnType.LONG && type == ColumnType.DOUBLE) {
      Scalar s = new Scalar();
      s.setDouble(((LiteralNode) key).value.l);
      return LiteralNode.of(type, s);
    }
    return b.coerce(key, at, type);
  }

  private static boolean isConstant(Ast a) {
    return a instanceof Ast.Literal;
  }

  private static List<Node> coerceAll(Binder b, List<Node> nodes, List<Ast> asts,
      ColumnType type) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(b.coerce(nodes.get(i), asts.get(i), type));
    }
    return out;
  }

  private static List<Ast> withDefault(List<Ast> values, Ast otherwise) {
    List<Ast> all = new ArrayList<>(values);
    if (otherwise != null) {
      all.add(otherwise);
    }
    return all;
  }

  private static <T> List<T> concat(T first, List<T> rest) {
    List<T> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
