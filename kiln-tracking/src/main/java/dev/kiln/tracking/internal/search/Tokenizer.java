package dev.kiln.tracking.internal.search;

import dev.kiln.tracking.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens: words, quoted strings, numbers, operators and punctuation. */
final class Tokenizer {
  /** A token; {@code quoted} is true for '...' string literals. */
  record Token(String text, boolean quoted) {}

  private Tokenizer() {}

  static List<Token> tokenize(String filter) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = filter.indexOf(c, i + 1);
        if (end < 0) {
          throw error(filter, "unclosed quote " + c + " at position " + i);
        }
        out.add(new Token(filter.substring(i + 1, end), c == '\''));
        i = end + 1;
      } else if ("<>=!".indexOf(c) >= 0) {
        int end = i + 1 < filter.length() && filter.charAt(i + 1) == '=' ? i + 2 : i + 1;
        out.add(new Token(filter.substring(i, end), false));
        i = end;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(new Token(String.valueOf(c), false));
        i++;
      } else {
        int end = i;
        while (end < filter.length() && isWordChar(filter.charAt(end))) {
          end++;
        }
        if (end == i) {
          throw error(filter, "unexpected character '" + c + "' at position " + i);
        }
        out.add(new Token(filter.substring(i, end), false));
        i = end;
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+';
  }

  static InvalidParameterException error(String filter, String problem) {
    return new InvalidParameterException(
        "Invalid filter '" + filter + "': " + problem + ".",
        "Write comparisons like metrics.loss < 0.5 AND params.x = 'y', joined by AND.");
  }
}
