package dev.kiln.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.data.expr.DerivedColumns;
import dev.kiln.data.expr.Expression;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeatureTransformsTest {
  /** Columns of every kind the engine has: chained, typed, text, timestamps, conditionals. */
  private static final List<DerivedColumn> COLUMNS = List.of(
      DerivedColumn.of("log_amount", "log1p(greatest(Amount, 0))"),
      DerivedColumn.of("hour", "floor(Time / 3600) % 24"),
      new DerivedColumn("hour_text", "hour", ColumnType.STRING),
      new DerivedColumn("big", "log_amount > 3", ColumnType.LONG),
      DerivedColumn.of("kind_upper", "upper(kind)"),
      DerivedColumn.of("month", "month(seen_at)"),
      DerivedColumn.of("band", "case when Amount is null then 'none' when Amount > 50 then"
          + " 'high' else 'low' end"));

  private static Frame raw(int rows) {
    double[] amount = new double[rows];
    long[] time = new long[rows];
    String[] kind = new String[rows];
    LocalDateTime[] seen = new LocalDateTime[rows];
    BitSet missing = new BitSet();
    for (int i = 0; i < rows; i++) {
      amount[i] = i % 7 == 3 ? -5 : i * 13.7 % 120;
      time[i] = i * 4_321L;
      kind[i] = i % 5 == 0 ? null : new String[] {"a", "b", "c"}[i % 3];
      seen[i] = LocalDateTime.of(2026, 1 + i % 12, 1 + i % 28, i % 24, 0);
      if (i % 11 == 4) {
        missing.set(i);
      }
    }
    return Frame.of(new DoubleColumn("Amount", amount, missing), LongColumn.of("Time", time),
        StringColumn.of("kind", kind), TimestampColumn.ofLocal("seen_at", seen));
  }

  /** What the step computed before it kept its expressions: the engine's own derived columns. */
  private static Frame reference(Frame raw, List<String> drop) {
    Frame all = DerivedColumns.of(COLUMNS).apply(raw);
    List<String> kept = new ArrayList<>(all.columnNames());
    kept.removeAll(drop);
    return all.select(kept);
  }

  private static void assertSameFrame(Frame actual, Frame expected) {
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    for (Column e : expected.columns()) {
      Column a = actual.column(e.name());
      assertThat(a.type()).as(e.name()).isEqualTo(e.type());
      for (int r = 0; r < e.size(); r++) {
        assertThat(a.isNull(r)).as("%s row %d null", e.name(), r).isEqualTo(e.isNull(r));
        assertThat(a.get(r)).as("%s row %d", e.name(), r).isEqualTo(e.get(r));
      }
    }
  }

  @Test
  void transform_parsesEachExpressionOnce_whenCreated_neverPerFrame() {
    AtomicInteger parses = new AtomicInteger();
    FeatureTransforms step = new FeatureTransforms(COLUMNS, List.of("Time"), text -> {
      parses.incrementAndGet();
      return Expression.parse(text);
    });
    assertThat(parses).hasValue(COLUMNS.size());
    Frame oneRow = raw(1);
    for (int i = 0; i < 200; i++) {
      step.transform(oneRow);
    }
    step.outputSchema(oneRow.schema());
    assertThat(parses).as("parses after 200 frames and a schema").hasValue(COLUMNS.size());
  }

  @Test
  void transform_evaluatesTheExpressionsParsedWhenCreated() {
    FeatureTransforms step = new FeatureTransforms(COLUMNS, List.of(), text -> Expression.parse(
        text.equals("floor(Time / 3600) % 24") ? "Time * 0 + 42" : text));
    Frame out = step.transform(raw(5));
    for (int r = 0; r < 5; r++) {
      assertThat(out.column("hour").getDouble(r)).as("row %d", r).isEqualTo(42);
    }
    assertThat(out.column("hour_text").get(0)).as("later columns read it").isEqualTo("42");
  }

  @Test
  void transform_equalsTheExpressionEngine_forEveryTypeNullsAndDeclaredTypes() {
    List<String> drop = List.of("Time", "seen_at");
    FeatureTransforms step = new FeatureTransforms(COLUMNS, drop);
    for (int rows : new int[] {1, 100, 997}) {
      Frame raw = raw(rows);
      Frame out = step.transform(raw);
      assertSameFrame(out, reference(raw, drop));
      assertThat(step.outputSchema(raw.schema())).isEqualTo(out.schema());
    }
    assertThat(step.transform(raw(3)).column("big").type()).isEqualTo(ColumnType.LONG);
  }

  @Test
  void transform_fromSeveralThreads_givesTheSameFrames() throws Exception {
    FeatureTransforms step = new FeatureTransforms(COLUMNS, List.of());
    Frame raw = raw(50);
    Frame expected = reference(raw, List.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Frame>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(() -> step.transform(raw));
      }
      for (Future<Frame> f : pool.invokeAll(calls)) {
        assertSameFrame(f.get(), expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void errors_nameTheDerivedColumn_asTheEngineDoes() {
    FeatureTransforms typo = new FeatureTransforms(List.of(
        DerivedColumn.of("hour", "floor(Tme / 3600)")), List.of());
    assertThatThrownBy(() -> typo.transform(raw(2))).isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("Derived column 'hour': Invalid expression at position 7")
        .hasMessageContaining("Tme");
    assertThatThrownBy(() -> typo.outputSchema(raw(2).schema()))
        .hasMessageStartingWith("Derived column 'hour': ");
    FeatureTransforms overwrite = new FeatureTransforms(List.of(
        DerivedColumn.of("Amount", "Amount * 2")), List.of());
    assertThatThrownBy(() -> overwrite.transform(raw(2)))
        .hasMessage("Derived column 'Amount' would overwrite a column of the same name.");
    FeatureTransforms badDrop = new FeatureTransforms(List.of(), List.of("nope"));
    assertThatThrownBy(() -> badDrop.outputSchema(raw(2).schema()))
        .hasMessageContaining("Column 'nope' to drop is not in the data.");
  }

  @Test
  void json_roundTrip_keepsTheStep_andItsExpressions() {
    FittedPreprocessor prep = new FittedPreprocessor(List.of(
        new FeatureTransforms(COLUMNS, List.of("Time"))));
    String json = prep.toJson();
    assertThat(json).contains("\"kind\" : \"features\"", "\"columns\"", "\"drop\"");
    FittedPreprocessor back = FittedPreprocessor.fromJson(json);
    assertThat(back).isEqualTo(prep);
    Frame raw = raw(20);
    assertSameFrame(back.transform(raw), prep.transform(raw));
  }
}
