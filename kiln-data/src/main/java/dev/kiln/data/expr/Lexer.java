package dev.kiln.data.expr;

import dev.kiln.data.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. */
final class Lexer {
  private static final List<String> SYMBOLS = List.of("->", "<=", ">=", "<>", "!=", "==", "||",
      "+", "-", "*", "/", "%", "(", ")", ",", "=", "<", ">");

  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  /** Returns the tokens of the text, ending with an END token. */
  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != Kind.END);
    return out;
  }

  private Token next() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos >= text.length()) {
      return new Token(Kind.END, "", pos, pos);
    }
    char c = text.charAt(pos);
    if (Character.isDigit(c) || c == '.' && pos + 1 < text.length()
        && Character.isDigit(text.charAt(pos + 1))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
          || text.charAt(pos) == '_')) {
        pos++;
      }
      return new Token(Kind.NAME, text.substring(start, pos), start, pos);
    }
    if (c == '\'') {
      return quoted('\'', Kind.STRING);
    }
    if (c == '"' || c == '`') {
      return quoted(c, Kind.QUOTED_NAME);
    }
    for (String s : SYMBOLS) {
      if (text.startsWith(s, pos)) {
        pos += s.length();
        return new Token(Kind.SYMBOL, s, pos - s.length(), pos);
      }
    }
    throw new ExpressionException(text, pos, pos + 1, "unexpected character '" + c + "'.",
        "strings go in single quotes ('a'), column names with spaces in double quotes (\"a b\")");
  }

  private Token number() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
        pos = mark;
        return new Token(Kind.NUMBER, text.substring(start, pos), start, pos);
      }
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    return new Token(Kind.NUMBER, text.substring(start, pos), start, pos);
  }

  private Token quoted(char quote, Kind kind) {
    int start = pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != quote) {
        out.append(c);
      } else if (pos < text.length() && text.charAt(pos) == quote) {
        out.append(quote);
        pos++;
      } else {
        return new Token(kind, out.toString(), start, pos);
      }
    }
    throw new ExpressionException(text, start, text.length(), "unterminated "
        + (kind == Kind.STRING ? "string" : "quoted name") + ".",
        "close it with " + quote + " (write " + quote + quote + " for a " + quote + " inside)");
  }
}
