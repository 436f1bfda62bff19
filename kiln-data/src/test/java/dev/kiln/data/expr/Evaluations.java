package dev.kiln.data.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.List;

/** Evaluates an expression both ways and checks they agree row by row. */
final class Evaluations {
  private Evaluations() {}

  /** Returns the values of an expression over a frame, after checking row-wise parity. */
  static List<Object> both(Frame frame, String text) {
    Expression e = Expression.parse(text);
    Column vectorized = e.evaluate(frame, "out");
    RowEvaluator compiled = e.compile(frame.schema());
    RowBuffer row = new RowBuffer(frame.schema());
    Scalar out = new Scalar();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < frame.rowCount(); i++) {
      row.setRow(frame, i);
      compiled.evaluate(row, out);
      Object perRow = out.toObject(compiled.type());
      Object expected = vectorized.get(i);
      if (vectorized instanceof TimestampColumn t) {
        perRow = out.isNull() ? null : out.longValue();
        expected = t.isNull(i) ? null : t.getLong(i);
      }
      assertThat(perRow).as("row %d of '%s'", i, text).isEqualTo(expected);
      values.add(perRow);
    }
    assertThat(vectorized.type()).isEqualTo(compiled.type());
    return values;
  }
}
