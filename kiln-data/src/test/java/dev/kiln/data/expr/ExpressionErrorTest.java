package dev.kiln.data.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import org.junit.jupiter.api.Test;

class ExpressionErrorTest {
  private static ExpressionException error(String text) {
    Frame f = ExpressionTest.frame();
    try {
      Expression.parse(text).evaluate(f, "out");
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("no error for " + text);
  }

  @Test
  void unknownColumn_pointsAtItWithCaret_andSuggests() {
    ExpressionException e = error("log1p(xx) * 2");
    assertThat(e.getMessage()).isEqualTo("""
        Invalid expression at position 7: no column 'xx'.
          log1p(xx) * 2
                ^^""");
    assertThat(e.hint().orElseThrow()).contains("did you mean 'x'?");
    assertThat(e.position()).isEqualTo(6);
    assertThat(error("zzzzzzz + 1").hint().orElseThrow()).startsWith("columns are ['flag', 'n'");
  }

  @Test
  void typeMixing_namesBothTypesAndTheFix() {
    assertThat(error("s > 3").getMessage()).contains("comparison '>' mixes string and long")
        .contains("\n  s > 3\n      ^");
    ExpressionException plus = error("s + 1");
    assertThat(plus.getMessage()).contains("'+' does not join text");
    assertThat(plus.hint().orElseThrow()).contains("use concat(a, b) or a || b");
    assertThat(error("log(s)").hint().orElseThrow()).contains("cast(x as double)");
    assertThat(error("ts + 1").hint().orElseThrow()).contains("epoch(x)");
    assertThat(error("x and flag").getMessage()).contains("expected boolean but got double");
    assertThat(error("case when n then 1 end").getMessage()).contains("expected boolean");
    assertThat(error("case when flag then 1 else 'a' end").getMessage())
        .contains("case mixes long and string");
    assertThat(error("year(n)").getMessage()).contains("expected timestamp but got long");
    assertThat(error("ts > 'yesterday'").getMessage()).contains("'yesterday' is not a date");
    assertThat(error("cast(ts as long)").hint().orElseThrow()).contains("epoch(x)");
  }

  @Test
  void functions_unknownNameOrWrongArity() {
    ExpressionException e = error("log1pp(x)");
    assertThat(e.getMessage()).contains("unknown function 'log1pp'");
    assertThat(e.hint().orElseThrow()).contains("did you mean 'log1p'?");
    assertThat(error("pow(x)").getMessage()).contains("pow(...) takes 2 arguments but got 1");
    assertThat(error("n in (1, n)").getMessage()).contains("in (...) takes constants");
    assertThat(error("cast(x as decimal)").getMessage()).contains("unknown type 'decimal'")
        .contains("\n  cast(x as decimal)\n            ^^^^^^^");
  }

  @Test
  void syntaxErrors_namePositionAndFix() {
    assertThat(error("(x + 1").getMessage()).contains("expected ')' but found the end");
    assertThat(error("x + * 2").getMessage()).contains("position 5: expected a value but found '*'");
    assertThat(error("x 2").getMessage()).contains("unexpected '2' after a complete expression");
    assertThat(error("s = 'abc").getMessage()).contains("unterminated string");
    assertThat(error("x # 2").getMessage()).contains("unexpected character '#'");
    assertThat(error("").getMessage()).contains("the expression is empty");
    assertThat(error("case x end").getMessage()).contains("needs at least one 'when");
    assertThat(error("x is 3").getMessage()).contains("expected 'null' but found '3'");
    assertThat(error("99999999999999999999").hint().orElseThrow()).contains("99999999999999999999.0");
  }

  @Test
  void frameFilter_onNonBoolean_saysSo() {
    assertThatThrownBy(() -> ExpressionTest.frame().filter("x + 1"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("gives double values, not true/false");
  }
}
