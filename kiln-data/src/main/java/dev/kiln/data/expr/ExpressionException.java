package dev.kiln.data.expr;

import dev.kiln.data.DataFormatException;

/**
 * An expression that cannot be parsed or type-checked. The message quotes the expression and puts a
 * caret under the offending part; {@link #position()} is its 0-based offset.
 */
public final class ExpressionException extends DataFormatException {
  private static final long serialVersionUID = 1L;

  private final int position;

  ExpressionException(String text, int start, int end, String problem, String hint) {
    super(describe(text, start, end, problem), hint);
    this.position = start;
  }

  /** Returns the 0-based offset in the expression text where the problem starts. */
  public int position() {
    return position;
  }

  private static String describe(String text, int start, int end, String problem) {
    int from = Math.max(0, Math.min(start, text.length()));
    int width = Math.max(1, Math.min(end, text.length()) - from);
    return "Invalid expression at position " + (from + 1) + ": " + problem + "\n  " + text + "\n  "
        + " ".repeat(from) + "^".repeat(width);
  }
}
