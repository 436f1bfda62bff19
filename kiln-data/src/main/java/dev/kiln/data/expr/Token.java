package dev.kiln.data.expr;

import java.util.Locale;

/** One lexical token: its kind, text (unquoted for strings and quoted names) and source span. */
record Token(Kind kind, String text, int start, int end) {
  enum Kind { NUMBER, STRING, NAME, QUOTED_NAME, SYMBOL, END }

  /** Returns whether this is a bare name equal to a keyword, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
  }

  /** Returns whether this is the given symbol. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }
}
