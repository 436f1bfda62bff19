package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnType;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.TabularInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MLflow CSV bodies, streamed: valid plain bodies give the frame of the line-by-line reader,
 * anything else is left to it (which names the problem).
 */
class CsvRowsTest {
  private static final TabularInputs READER = new TabularInputs(List.of(
      new FieldSpec("amount", ColumnType.DOUBLE, true, null, null, null),
      new FieldSpec("count", ColumnType.LONG, false, null, null, null),
      new FieldSpec("flag", ColumnType.BOOLEAN, true, null, null, null),
      new FieldSpec("kind", ColumnType.STRING, true, null, null, null),
      new FieldSpec("when", ColumnType.TIMESTAMP, true, null, null, null)), 3);

  @ParameterizedTest
  @ValueSource(strings = {
      "amount,count,flag,kind,when\n1.5,3,true,a,2026-01-31T12:00:00Z\n-2e3,4,FALSE,\"b,c\",\n",
      "when,kind,count,flag,amount\r\n2026-12-01T23:59:59.5Z,é,7,,\r\n\r\n,,8,True, 12 ",
      "count,amount,kind,when,flag\n2.5,,\"\",,false\n0x1p3,1e-3,\"say \"\"hi\"\"\",,"})
  void valid_csv_is_streamed_into_the_line_readers_frame(String body) {
    InputRows rows = CsvRows.read(bytes(body), READER);
    assertThat(rows).as(body).isNotNull();
    JsonInstancesTest.assertSameFrame(rows.frame(),
        MlflowScoringRoutes.csvTree(bytes(body)).frame(READER));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "amount,count\n", // no rows
      "amount,other\n1,2", // an unknown column
      "amount,amount,count\n1,2,3", // a column twice
      "amount,count,flag,kind\n1,2,true,a", // a field left out (the reader names it)
      "amount,count,flag,kind,when\n1,2,true,a,,3", "amount,count,flag,kind,when\n1,2", // ragged
      "amount,count,flag,kind,when\nx,2,,,", "amount,count,flag,kind,when\nNaN,2,,,",
      "amount,count,flag,kind,when\n1,,,,", "amount,count,flag,kind,when\n0x10,2,,,", // numbers
      "amount,count,flag,kind,when\n1,2,yes,,", // a bad boolean
      "amount,count,flag,kind,when\n1,2,,,yesterday", // a bad timestamp
      "count,amount,flag,kind,when\n1,,,,\n2,,,,\n3,,,,\n4,,,,", // over the row limit
      "count,amount,flag,kind,when\n\"1,,,,"}) // a quote never closed
  void odd_csv_is_left_to_the_line_reader(String body) {
    assertThat(CsvRows.read(bytes(body), READER)).as(body).isNull();
  }

  @Test
  void a_quote_never_closed_is_named_with_its_line_not_the_parsers_internals() {
    assertThatThrownBy(() -> MlflowScoringRoutes.csvTree(bytes("amount,count\n1,\"x\n")))
        .hasMessageStartingWith("The CSV body cannot be read at line 3, column 1: ")
        .hasMessageContaining("closing quote")
        .hasMessageNotContaining("reference chain");
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
