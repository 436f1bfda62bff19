package dev.kiln.data.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.CsvOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks every example and error shown in docs/expressions.md over the frame it shows. */
class ExpressionDocsTest {
  private static final Path DOC = Path.of("..", "docs", "expressions.md");

  @TempDir Path dir;

  private Frame exampleFrame(String doc) throws Exception {
    Matcher csv = Pattern.compile("```csv\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(csv.find()).as("the doc shows its example frame").isTrue();
    Path file = dir.resolve("cars.csv");
    Files.writeString(file, csv.group(1));
    return FrameReader.csv(file, CsvOptions.defaults());
  }

  @Test
  void examplesTable_matchesEvaluation() throws Exception {
    String doc = Files.readString(DOC);
    Frame cars = exampleFrame(doc);
    Matcher row = Pattern.compile("^\\| `(.+)` \\| (.+) \\|$", Pattern.MULTILINE)
        .matcher(doc.substring(doc.indexOf("## Examples")));
    int checked = 0;
    while (row.find()) {
      String expression = row.group(1).replace("\\|", "|");
      List<String> shown = new ArrayList<>();
      for (Object v : Evaluations.both(cars, expression)) {
        shown.add(String.valueOf(v));
      }
      assertThat(String.join(", ", shown)).as(expression).isEqualTo(row.group(2));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(15);
  }

  @Test
  void errorBlocks_matchTheErrors() throws Exception {
    String doc = Files.readString(DOC);
    Frame cars = exampleFrame(doc);
    Matcher block = Pattern.compile("```\n(Invalid expression.*?)\n```", Pattern.DOTALL)
        .matcher(doc);
    int checked = 0;
    while (block.find()) {
      String shown = block.group(1);
      String expression = shown.split("\n")[1].trim();
      try {
        Expression.parse(expression).evaluate(cars, "out");
        throw new AssertionError("no error for " + expression);
      } catch (ExpressionException e) {
        assertThat(e.describe()).isEqualTo(shown);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }
}
