package dev.kiln.data.expr;

import dev.kiln.data.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the atoms of an expression: literals, names, calls, {@code case}, {@code cast}, {@code map}. */
final class PrimaryParser {
  private static final Set<String> RESERVED = Set.of("and", "or", "not", "is", "in", "between",
      "when", "then", "else", "end", "as");

  private final Parser p;

  PrimaryParser(Parser parser) {
    this.p = parser;
  }

  Ast primary() {
    Token t = p.peek();
    switch (t.kind()) {
      case NUMBER -> {
        p.advance();
        return new Ast.Literal(number(t), t.start(), t.end());
      }
      case STRING -> {
        p.advance();
        return new Ast.Literal(t.text(), t.start(), t.end());
      }
      case QUOTED_NAME -> {
        p.advance();
        return new Ast.ColumnRef(t.text(), t.start(), t.end());
      }
      case NAME -> {
        return name();
      }
      case SYMBOL -> {
        if (t.isSymbol("(")) {
          p.advance();
          Ast inner = p.expression();
          p.expectSymbol(")");
          return inner;
        }
        throw p.error(t, "expected a value but found '" + t.text() + "'.",
            "a value is a number, 'text', a column name or a function call");
      }
      default -> throw p.error(t, "the expression ends too early.", "complete the expression");
    }
  }

  private Object number(Token t) {
    String s = t.text();
    if (s.contains(".") || s.contains("e") || s.contains("E")) {
      return Double.parseDouble(s);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw p.error(t, "integer " + s + " is too large for a long.", "write it as " + s + ".0");
    }
  }

  private Ast name() {
    Token t = p.advance();
    String lower = t.lower();
    switch (lower) {
      case "null" -> {
        return new Ast.Literal(null, t.start(), t.end());
      }
      case "true", "false" -> {
        return new Ast.Literal(Boolean.parseBoolean(lower), t.start(), t.end());
      }
      case "case" -> {
        return caseWhen(t);
      }
      default -> { }
    }
    if (p.peek().isSymbol("(")) {
      p.advance();
      return switch (lower) {
        case "cast" -> cast(t);
        case "map" -> map(t);
        default -> call(t, lower);
      };
    }
    if (RESERVED.contains(lower)) {
      throw p.error(t, "'" + t.text() + "' is a keyword, not a value.",
          "quote a column with this name in double quotes: \"" + t.text() + "\"");
    }
    return new Ast.ColumnRef(t.text(), t.start(), t.end());
  }

  private Ast call(Token name, String lower) {
    List<Ast> args = p.peek().isSymbol(")") ? List.of() : p.list();
    Token close = p.expectSymbol(")");
    return new Ast.Call(lower, args, name.start(), close.end());
  }

  private Ast cast(Token name) {
    Ast arg = p.expression();
    p.expectKeyword("as", "write cast(x as double)");
    Token type = p.advance();
    if (type.kind() != Kind.NAME) {
      throw p.error(type, "expected a type name but found " + Parser.describe(type) + ".",
          "use one of double, long, string, boolean, timestamp");
    }
    Token close = p.expectSymbol(")");
    return new Ast.Cast(arg, type.text(), type.start(), name.start(), close.end());
  }

  private Ast map(Token name) {
    Ast arg = p.expression();
    List<Ast> keys = new ArrayList<>();
    List<Ast> values = new ArrayList<>();
    Ast otherwise = null;
    while (p.peek().isSymbol(",")) {
      p.advance();
      if (otherwise != null) {
        throw p.error(p.peek(), "the default of map(...) must come last.",
            "write map(x, 'a' -> 1, 'b' -> 2, 0) with the default 0 at the end");
      }
      Ast key = p.expression();
      if (p.peek().isSymbol("->")) {
        p.advance();
        keys.add(key);
        values.add(p.expression());
      } else {
        otherwise = key;
      }
    }
    Token close = p.expectSymbol(")");
    if (keys.isEmpty()) {
      throw new ExpressionException(p.text(), name.start(), close.end(),
          "map(...) needs at least one 'key -> value' pair.", "write map(x, 'a' -> 1, 'b' -> 2)");
    }
    return new Ast.MapOf(arg, keys, values, otherwise, name.start(), close.end());
  }

  private Ast caseWhen(Token start) {
    Ast subject = p.peek().isKeyword("when") ? null : p.expression();
    List<Ast> whens = new ArrayList<>();
    List<Ast> thens = new ArrayList<>();
    while (p.accept("when")) {
      whens.add(p.expression());
      p.expectKeyword("then", "write 'when condition then value'");
      thens.add(p.expression());
    }
    if (whens.isEmpty()) {
      throw p.error(p.peek(), "'case' needs at least one 'when ... then ...'.",
          "write case when x > 0 then 'pos' else 'neg' end");
    }
    Ast otherwise = p.accept("else") ? p.expression() : null;
    Token end = p.expectKeyword("end", "close 'case' with 'end'");
    return new Ast.Case(subject, whens, thens, otherwise, start.start(), end.end());
  }
}
