package dev.kiln.data.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DerivedColumnsTest {
  private static final DerivedColumns FEATURES = DerivedColumns.of(List.of(
      DerivedColumn.of("log_a", "log1p(abs(a))"),
      new DerivedColumn("bucket", "floor(c / 10)", ColumnType.LONG),
      DerivedColumn.of("label", "case when bucket > 0 then upper(s) else t end"),
      DerivedColumn.of("year", "year(ts)")));

  @Test
  void apply_andCompiledRows_giveTheSameValues() {
    Frame f = ParityTest.randomFrame(new SplittableRandom(3), 500);
    Frame out = FEATURES.apply(f);
    assertThat(out.schema()).isEqualTo(FEATURES.outputSchema(f.schema()));
    assertThat(out.column("bucket").type()).isEqualTo(ColumnType.LONG);
    RowProgram program = FEATURES.compile(f.schema());
    RowBuffer row = program.newBuffer();
    int base = f.columnNames().size();
    for (int i = 0; i < f.rowCount(); i++) {
      row.setRow(f, i);
      program.compute(row);
      assertThat(row.isNull(base) ? null : row.getDouble(base)).isEqualTo(out.column("log_a")
          .get(i));
      assertThat(row.isNull(base + 1) ? null : row.getLong(base + 1)).isEqualTo(
          out.column("bucket").get(i));
      assertThat(row.getString(base + 2)).isEqualTo(out.column("label").get(i));
      assertThat(row.isNull(base + 3) ? null : row.getLong(base + 3)).isEqualTo(
          out.column("year").get(i));
    }
  }

  @Test
  void compute_allocatesNothingPerRow() {
    Frame f = ParityTest.randomFrame(new SplittableRandom(5), 50);
    DerivedColumns numeric = DerivedColumns.of(List.of(
        DerivedColumn.of("x", "log1p(abs(a)) * 2 + coalesce(b, 0) / 3"),
        DerivedColumn.of("h", "case when hour(ts) between 6 and 18 then 1 else 0 end"),
        DerivedColumn.of("m", "map(s, 'a' -> 1.5, 'b' -> 2, 0) + greatest(c, x)"),
        DerivedColumn.of("k", "b in (1, 2, 3) and not d")));
    RowProgram program = numeric.compile(f.schema());
    RowBuffer row = program.newBuffer();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20_000; i++) {
      row.setRow(f, i % f.rowCount());
      program.compute(row);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      program.compute(row);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by 100k evaluations").isLessThan(16_384);
  }

  @Test
  void json_roundTripsAsPlainValues() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(FEATURES.columns());
    assertThat(text).contains("{\"name\":\"bucket\",\"expression\":\"floor(c / 10)\","
        + "\"type\":\"long\"}");
    DerivedColumn[] back = json.readValue(text, DerivedColumn[].class);
    assertThat(List.of(back)).isEqualTo(FEATURES.columns());
  }

  @Test
  void errors_nameTheDerivedColumn() {
    Frame f = ParityTest.randomFrame(new SplittableRandom(1), 5);
    assertThatThrownBy(() -> DerivedColumns.of(List.of(DerivedColumn.of("z", "log(aa)")))
        .apply(f)).isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("Derived column 'z': Invalid expression at position 5: no column"
            + " 'aa'.");
    assertThatThrownBy(() -> DerivedColumns.of(List.of(DerivedColumn.of("a", "b + 1")))
        .outputSchema(f.schema())).hasMessageContaining("would overwrite a column");
    assertThatThrownBy(() -> DerivedColumn.of("y", "1 +"))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("ends too early");
    assertThatThrownBy(() -> DerivedColumns.of(List.of(new DerivedColumn("t2", "ts",
        ColumnType.DOUBLE))).apply(f)).hasMessageContaining("cannot convert timestamp to double");
  }
}
