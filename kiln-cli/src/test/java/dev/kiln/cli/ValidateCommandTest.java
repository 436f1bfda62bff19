package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln validate} on a 406-row file whose integer column holds {@code eight} once. */
class ValidateCommandTest {
  @TempDir Path dir;
  private Path data;
  private String out;
  private String err;

  @BeforeEach
  void writeData() throws Exception {
    StringBuilder csv = new StringBuilder("id,age,city\n");
    for (int i = 0; i < 406; i++) {
      csv.append(i).append(',').append(i == 300 ? "eight" : String.valueOf(20 + i % 40))
          .append(",Lyon\n");
    }
    data = dir.resolve("people.csv");
    Files.writeString(data, csv);
  }

  private int kiln(String policy) throws Exception {
    Path schema = dir.resolve("schema.yml");
    Files.writeString(schema, "columns:\n  age: {type: long, min: 0, policy: " + policy + "}\n"
        + "  city: {type: string}\n");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new String[] {"validate", data.toString(), "--schema",
        schema.toString(), "--report", dir.resolve("report.json").toString(), "--quarantine",
        dir.resolve("bad.csv").toString(), "--clean", dir.resolve("clean.csv").toString()},
        new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void quarantine_setsAsideOnlyTheRowThatDoesNotParse() throws Exception {
    assertThat(kiln("quarantine")).isZero();
    assertThat(out).as("the table docs/validation.md shows").contains(
        "type         age                         1  quarantine 'eight' (row 301)\n"
        + "406 rows: 405 pass, 0 failed, 1 quarantined");
    Frame bad = FrameReader.csv(dir.resolve("bad.csv"), CsvOptions.defaults());
    assertThat(bad.rowCount()).isEqualTo(1);
    assertThat(bad.column("id").getLong(0)).isEqualTo(300);
    assertThat(bad.column("_row").getLong(0)).isEqualTo(301);
    assertThat(bad.column("_reasons").get(0)).isEqualTo("age: type");
    Frame clean = FrameReader.csv(dir.resolve("clean.csv"), CsvOptions.defaults());
    assertThat(clean.rowCount()).isEqualTo(405);
    assertThat(clean.column("age").type()).isEqualTo(dev.kiln.data.ColumnType.LONG);
    String report = Files.readString(dir.resolve("report.json"));
    assertThat(report).contains("\"examples\" : [ \"eight\" ]").contains("\"rows\" : [ 301 ]");
  }

  @Test
  void fail_summaryAgreesWithTheFailure() throws Exception {
    assertThat(kiln("fail")).isEqualTo(Main.RUN_FAILED);
    assertThat(out).contains("406 rows: 405 pass, 1 failed, 0 quarantined");
    assertThat(err).contains("Validation failed: type on 'age' (1 row, e.g. 'eight' (row 301))")
        .contains("Hint:");
  }
}
