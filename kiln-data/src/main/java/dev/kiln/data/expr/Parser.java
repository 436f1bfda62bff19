package dev.kiln.data.expr;

import dev.kiln.data.expr.Ast.Binary;
import dev.kiln.data.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser. Precedence, loosest first: {@code or}; {@code and}; {@code not};
 * comparisons, {@code is [not] null}, {@code [not] in}, {@code [not] between}; {@code + - ||};
 * {@code * / %}; unary minus.
 */
final class Parser {
  private static final Set<String> COMPARISONS = Set.of("=", "==", "!=", "<>", "<", "<=", ">",
      ">=");

  private final String text;
  private final List<Token> tokens;
  private int pos;

  private Parser(String text) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
  }

  /** Parses a whole expression. */
  static Ast parse(String text) {
    Parser p = new Parser(text);
    if (p.peek().kind() == Kind.END) {
      throw new ExpressionException(text, 0, 0, "the expression is empty.",
          "write e.g. log1p(Amount) or price * 2");
    }
    Ast ast = p.or();
    if (p.peek().kind() != Kind.END) {
      throw p.error(p.peek(), "unexpected '" + p.peek().text() + "' after a complete expression.",
          "join expressions with an operator (+, and, ...) or check the parentheses");
    }
    return ast;
  }

  private Ast or() {
    Ast left = and();
    while (peek().isKeyword("or")) {
      pos++;
      Ast right = and();
      left = new Binary("or", left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast and() {
    Ast left = not();
    while (peek().isKeyword("and")) {
      pos++;
      Ast right = not();
      left = new Binary("and", left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast not() {
    if (peek().isKeyword("not")) {
      Token t = tokens.get(pos++);
      Ast arg = not();
      return new Ast.Unary("not", arg, t.start(), arg.end());
    }
    return comparison();
  }

  private Ast comparison() {
    Ast left = additive();
    Token t = peek();
    if (t.kind() == Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      pos++;
      Ast right = additive();
      return new Binary(t.text(), left, right, left.start(), right.end());
    }
    if (t.isKeyword("is")) {
      pos++;
      boolean negated = accept("not");
      Token n = expectKeyword("null", "write 'x is null' or 'x is not null'");
      return new Ast.IsNull(left, negated, left.start(), n.end());
    }
    boolean negated = peek().isKeyword("not") && (peek(1).isKeyword("in")
        || peek(1).isKeyword("between"));
    if (negated) {
      pos++;
    }
    if (accept("in")) {
      expectSymbol("(");
      List<Ast> values = list();
      Token close = expectSymbol(")");
      return new Ast.In(left, values, negated, left.start(), close.end());
    }
    if (accept("between")) {
      Ast low = additive();
      expectKeyword("and", "write 'x between low and high'");
      Ast high = additive();
      Ast both = new Binary("and", new Binary(">=", left, low, left.start(), low.end()),
          new Binary("<=", left, high, left.start(), high.end()), left.start(), high.end());
      return negated ? new Ast.Unary("not", both, both.start(), both.end()) : both;
    }
    return left;
  }

  private Ast additive() {
    Ast left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
      String op = tokens.get(pos++).text();
      Ast right = multiplicative();
      left = op.equals("||")
          ? new Ast.Call("concat", List.of(left, right), left.start(), right.end())
          : new Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast multiplicative() {
    Ast left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
      String op = tokens.get(pos++).text();
      Ast right = unary();
      left = new Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Ast unary() {
    if (peek().isSymbol("-") || peek().isSymbol("+")) {
      Token t = tokens.get(pos++);
      Ast arg = unary();
      if (t.text().equals("+")) {
        return arg;
      }
      if (arg instanceof Ast.Literal l && l.value() instanceof Number n) {
        Object neg = n instanceof Long v ? (Object) (-v) : (Object) (-n.doubleValue());
        return new Ast.Literal(neg, t.start(), arg.end());
      }
      return new Ast.Unary("-", arg, t.start(), arg.end());
    }
    return new PrimaryParser(this).primary();
  }

  // ---- shared helpers, also used by PrimaryParser ----

  String text() {
    return text;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Token advance() {
    return tokens.get(pos++);
  }

  Ast expression() {
    return or();
  }

  /** Parses {@code a, b, ...} (at least one). */
  List<Ast> list() {
    List<Ast> out = new ArrayList<>();
    out.add(or());
    while (peek().isSymbol(",")) {
      pos++;
      out.add(or());
    }
    return out;
  }

  boolean accept(String keyword) {
    if (peek().isKeyword(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  Token expectKeyword(String keyword, String hint) {
    if (!peek().isKeyword(keyword)) {
      throw error(peek(), "expected '" + keyword + "' but found " + describe(peek()) + ".", hint);
    }
    return advance();
  }

  Token expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) {
      throw error(peek(), "expected '" + symbol + "' but found " + describe(peek()) + ".",
          symbol.equals(")") ? "check that every '(' has its ')'" : null);
    }
    return advance();
  }

  ExpressionException error(Token t, String problem, String hint) {
    return new ExpressionException(text, t.start(), Math.max(t.end(), t.start() + 1), problem,
        hint);
  }

  static String describe(Token t) {
    return t.kind() == Kind.END ? "the end of the expression" : "'" + t.text() + "'";
  }
}
