package dev.kiln.data.expr;

import java.util.List;

/** The untyped syntax tree of an expression; every node keeps its source span for errors. */
sealed interface Ast {
  /** Offset of the node's first character. */
  int start();

  /** Offset just past the node's last character. */
  int end();

  /** A constant: Long, Double, String, Boolean, or null for {@code null}. */
  record Literal(Object value, int start, int end) implements Ast {}

  /** A column reference. */
  record ColumnRef(String name, int start, int end) implements Ast {}

  /** {@code -x} or {@code not x}. */
  record Unary(String op, Ast arg, int start, int end) implements Ast {}

  /** Arithmetic, comparison, {@code and}, {@code or}, {@code ||}; {@code op} is lower case. */
  record Binary(String op, Ast left, Ast right, int start, int end) implements Ast {}

  /** {@code x is [not] null}. */
  record IsNull(Ast arg, boolean negated, int start, int end) implements Ast {}

  /** {@code x [not] in (a, b, ...)}. */
  record In(Ast arg, List<Ast> values, boolean negated, int start, int end) implements Ast {}

  /** {@code case [subject] when .. then .. [else ..] end}; subject and otherwise may be null. */
  record Case(Ast subject, List<Ast> whens, List<Ast> thens, Ast otherwise, int start, int end)
      implements Ast {}

  /** {@code cast(x as type)}; {@code typeName} as written. */
  record Cast(Ast arg, String typeName, int typeStart, int start, int end) implements Ast {}

  /** {@code map(x, k -> v, ..., [default])}; otherwise may be null. */
  record MapOf(Ast arg, List<Ast> keys, List<Ast> values, Ast otherwise, int start, int end)
      implements Ast {}

  /** A function call; {@code name} is lower case. */
  record Call(String name, List<Ast> args, int start, int end) implements Ast {}
}
