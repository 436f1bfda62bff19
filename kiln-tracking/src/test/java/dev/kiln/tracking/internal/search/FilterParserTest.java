package dev.kiln.tracking.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {
  @Test
  void parse_aliasesQuotedKeysAndInLists_canonicalised() {
    List<Comparison> parsed = FilterParser.parse(
        "metric.loss <= 0.5 and tags.`mlflow.source.type` = 'LOCAL' "
            + "AND attr.run_id NOT IN ('a', 'b') AND status != 'FAILED'");
    assertThat(parsed).containsExactly(
        new Comparison("metrics", "loss", "<=", List.of(0.5)),
        new Comparison("tags", "mlflow.source.type", "=", List.of("LOCAL")),
        new Comparison("attributes", "run_id", "NOT IN", List.of("a", "b")),
        new Comparison("attributes", "status", "!=", List.of("FAILED")));
  }

  @Test
  void parse_blank_matchesEverything() {
    assertThat(FilterParser.parse("  ")).isEmpty();
  }

  @Test
  void parse_unclosedQuote_throwsWithPosition() {
    assertThatThrownBy(() -> FilterParser.parse("params.x = 'abc"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("unclosed quote ' at position 11");
  }

  @Test
  void parse_missingValue_throwsNamingWhatWasExpected() {
    assertThatThrownBy(() -> FilterParser.parse("metrics.loss <"))
        .hasMessageContaining("expected a value after <");
  }
}
