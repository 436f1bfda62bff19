package dev.kiln.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrayTextTest {
  @TempDir Path dir;

  @Test
  void numbersWithOneWord_namesTheWordAndItsRow() {
    String[] ages = new String[406];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = String.valueOf(20 + i % 50);
    }
    ages[16] = "thirty";
    ages[3] = null;
    assertThat(StrayText.describe(StringColumn.of("age", ages)))
        .contains("row 17 holds 'thirty', though 404 of its 405 values are numbers");
  }

  @Test
  void text_tooManyWords_orTooManyRows_isNotStray() {
    assertThat(StrayText.describe(StringColumn.of("city", "Oslo", "Lima", "Pune", "Kyiv", "Rome",
        "1", "2"))).isEmpty();
    // Half the rows are words: a text column, not numbers with a typo.
    assertThat(StrayText.describe(StringColumn.of("code", "1", "2", "n/a", "n/a"))).isEmpty();
    assertThat(StrayText.describe(StringColumn.of("one", "7", "7", "x"))).isEmpty();
  }

  @Test
  void isNumber_acceptsDecimalsAndExponents_only() {
    assertThat(StrayText.isNumber("-12.5e3")).isTrue();
    assertThat(StrayText.isNumber(" 42 ")).isTrue();
    assertThat(StrayText.isNumber(".5")).isTrue();
    assertThat(StrayText.isNumber("1e")).isFalse();
    assertThat(StrayText.isNumber("-")).isFalse();
    assertThat(StrayText.isNumber("12a")).isFalse();
    assertThat(StrayText.isNumber("NaN")).isFalse();
  }

  @Test
  void getDouble_ofNumbersWithAWord_namesTheValueAndTheFixes() throws Exception {
    Path file = dir.resolve("people.csv");
    StringBuilder csv = new StringBuilder("id,income\n");
    for (int i = 1; i <= 40; i++) {
      csv.append(i).append(',').append(i == 7 ? "thirty" : String.valueOf(1000 * i)).append('\n');
    }
    Files.writeString(file, csv);
    Frame frame = FrameReader.csv(file, CsvOptions.defaults());
    assertThatThrownBy(() -> frame.column("income").getDouble(0))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("Column 'income' holds text, not numbers: 'thirty', though 39 of its 40"
            + " values are numbers.")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse(""))
            .contains("'schema:'").contains("kiln validate").doesNotContain("one-hot"));
    assertThatThrownBy(() -> StringColumn.of("city", "Oslo", "Lima").getDouble(0))
        .hasMessage("Column 'city' holds strings, not numbers.");
  }
}
