package dev.kiln.data;

import dev.kiln.data.expr.Expression;

/** Frame operations driven by expressions. */
final class FrameExpressions {
  private FrameExpressions() {}

  static Frame filter(Frame frame, String text) {
    Expression e = Expression.parse(text);
    Column c = e.evaluate(frame, "filter");
    if (!(c instanceof BooleanColumn keep)) {
      throw new DataFormatException("filter(\"" + text + "\") gives " + c.type().name()
          .toLowerCase(java.util.Locale.ROOT) + " values, not true/false.",
          "write a condition, e.g. Amount > 100");
    }
    int[] rows = new int[frame.rowCount()];
    int n = 0;
    for (int i = 0; i < rows.length; i++) {
      if (keep.getBoolean(i) && !keep.isNull(i)) {
        rows[n++] = i;
      }
    }
    return n == rows.length ? frame : frame.take(java.util.Arrays.copyOf(rows, n));
  }
}
