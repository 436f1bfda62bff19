package dev.kiln.data.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsTest {
  static Frame cars() {
    BitSet priceMissing = new BitSet();
    priceMissing.set(3);
    return Frame.of(StringColumn.of("make", "vw", "renault", "vw", "vw", null, "renault"),
        LongColumn.of("year", 2015, 2018, 2015, 2021, 2018, 2018),
        new DoubleColumn("price", new double[] {9500, 7000, 9500, 0, Double.NaN, 7200},
            priceMissing),
        BooleanColumn.of("auto", true, false, true, false, true, false));
  }

  static List<Object> values(Frame f, String column) {
    Column c = f.column(column);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.get(i));
    }
    return out;
  }

  @Test
  void dropDuplicates_keepsFirstInOrder_nullsEqual() {
    Frame f = cars();
    assertThat(values(f.dropDuplicates(), "year")).containsExactly(2015L, 2018L, 2021L, 2018L,
        2018L);
    assertThat(values(f.dropDuplicates("make"), "year")).containsExactly(2015L, 2018L, 2018L);
    assertThat(values(f.dropDuplicates("make", "year"), "price")).containsExactly(9500.0, 7000.0,
        null, Double.NaN);
    Frame twoNulls = Frame.of(StringColumn.of("s", null, "a", null));
    assertThat(twoNulls.distinct().rowCount()).isEqualTo(2);
    assertThat(f.dropDuplicates("price").rowCount()).isEqualTo(4);
  }

  @Test
  void dropNulls_countsNanAsMissing() {
    Frame f = cars();
    assertThat(values(f.dropNulls(), "year")).containsExactly(2015L, 2018L, 2015L, 2018L);
    assertThat(values(f.dropNulls("make"), "year")).containsExactly(2015L, 2018L, 2015L, 2021L,
        2018L);
    assertThat(f.dropNulls("year")).isSameAs(f);
  }

  @Test
  void sort_severalKeys_stable_nullsLastUnlessAsked() {
    Frame f = cars();
    Frame byPrice = f.sort(SortKey.desc("price"));
    assertThat(values(byPrice, "price")).containsExactly(9500.0, 9500.0, 7200.0, 7000.0, null,
        Double.NaN);
    assertThat(values(byPrice, "year").subList(0, 2)).containsExactly(2015L, 2015L);
    assertThat(values(f.sort(SortKey.asc("price").nullsFirst()), "price")).containsExactly(null,
        Double.NaN, 7000.0, 7200.0, 9500.0, 9500.0);
    Frame byMake = f.sort(SortKey.asc("make"), SortKey.desc("year"));
    assertThat(values(byMake, "make")).containsExactly("renault", "renault", "vw", "vw", "vw",
        null);
    assertThat(values(byMake, "year")).containsExactly(2018L, 2018L, 2021L, 2015L, 2015L, 2018L);
    assertThat(values(f.sort(SortKey.desc("auto"), SortKey.asc("year")), "year"))
        .containsExactly(2015L, 2015L, 2018L, 2018L, 2018L, 2021L);
  }

  @Test
  void groupBy_aggregates_likePandas() {
    Frame g = cars().groupBy("make").agg(Aggregation.count(), Aggregation.count("price"),
        Aggregation.sum("price"), Aggregation.mean("price"), Aggregation.min("year"),
        Aggregation.max("price").as("top"), Aggregation.std("year"), Aggregation.nunique("year"),
        Aggregation.first("price"), Aggregation.last("year"), Aggregation.sum("auto"));
    assertThat(g.columnNames()).containsExactly("make", "count", "price_count", "price_sum",
        "price_mean", "year_min", "top", "year_std", "year_nunique", "price_first", "year_last",
        "auto_sum");
    assertThat(values(g, "make")).containsExactly("vw", "renault", null);
    assertThat(values(g, "count")).containsExactly(3L, 2L, 1L);
    assertThat(values(g, "price_count")).containsExactly(2L, 2L, 0L);
    assertThat(values(g, "price_sum")).containsExactly(19000.0, 14200.0, 0.0);
    assertThat(values(g, "price_mean")).containsExactly(9500.0, 7100.0, null);
    assertThat(values(g, "year_min")).containsExactly(2015L, 2018L, 2018L);
    assertThat(values(g, "top")).containsExactly(9500.0, 7200.0, null);
    assertThat((Double) values(g, "year_std").get(0)).isCloseTo(3.4641016, within());
    assertThat(values(g, "year_std").subList(1, 3)).containsExactly(0.0, null);
    assertThat(values(g, "year_nunique")).containsExactly(2L, 1L, 1L);
    assertThat(values(g, "price_first")).containsExactly(9500.0, 7000.0, Double.NaN);
    assertThat(values(g, "year_last")).containsExactly(2021L, 2018L, 2018L);
    assertThat(values(g, "auto_sum")).containsExactly(2L, 0L, 1L);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  @Test
  void valueCounts_mostFrequentFirst() {
    Frame counts = cars().valueCounts("year");
    assertThat(values(counts, "year")).containsExactly(2018L, 2015L, 2021L);
    assertThat(values(counts, "count")).containsExactly(3L, 2L, 1L);
  }

  @Test
  void join_innerAndLeft_onSeveralKeys() {
    Frame prices = Frame.of(StringColumn.of("make", "vw", "vw", "renault", null),
        LongColumn.of("year", 2015, 2015, 2018, 2018),
        StringColumn.of("segment", "compact", "compact+", "city", "unknown"),
        LongColumn.of("price", 1, 2, 3, 4));
    Frame inner = cars().join(prices, List.of("make", "year"), JoinType.INNER);
    assertThat(inner.columnNames()).containsExactly("make", "year", "price", "auto", "segment",
        "price_right");
    assertThat(values(inner, "segment")).containsExactly("compact", "compact+", "city",
        "compact", "compact+", "city");
    Frame left = cars().join(prices, List.of("make", "year"), JoinType.LEFT);
    assertThat(values(left, "segment")).containsExactly("compact", "compact+", "city",
        "compact", "compact+", null, null, "city");
    assertThat(values(left, "price_right")).containsExactly(1L, 2L, 3L, 1L, 2L, null, null, 3L);
    Frame dated = Frame.of(StringColumn.of("make", "vw"), TimestampColumn.ofDates("since",
        java.time.LocalDate.of(1937, 5, 28)));
    TimestampColumn since = (TimestampColumn) cars().join(dated, List.of("make"), JoinType.LEFT)
        .column("since");
    assertThat(since.kind()).isEqualTo(TimestampColumn.Kind.DATE);
    assertThat(values(cars().join(dated, List.of("make"), JoinType.LEFT), "since"))
        .containsExactly(java.time.LocalDate.of(1937, 5, 28), null, java.time.LocalDate.of(1937,
            5, 28), java.time.LocalDate.of(1937, 5, 28), null, null);
  }

  @Test
  void badInput_clearErrors() {
    Frame other = Frame.of(StringColumn.of("year", "2015"));
    assertThatThrownBy(() -> cars().join(other, List.of("year"), JoinType.INNER))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("Cannot join on 'year': it is long on the left but string on the right.")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElseThrow())
            .contains("cast(year as long)"));
    assertThatThrownBy(() -> cars().join(other, List.of("make"), JoinType.INNER))
        .hasMessageContaining("the right frame has no such column");
    assertThatThrownBy(() -> cars().groupBy("make").agg(Aggregation.sum("make")))
        .hasMessageContaining("sum('make') needs numbers");
    assertThatThrownBy(() -> cars().groupBy("mkae")).hasMessageContaining("no column 'mkae'");
    assertThatThrownBy(() -> cars().groupBy("make").agg(Aggregation.count(),
        Aggregation.count().as("count"))).hasMessageContaining("Two group-by outputs");
    assertThatThrownBy(() -> cars().sort(SortKey.asc("prize")))
        .hasMessage("Frame has no column 'prize'.").satisfies(e -> assertThat(
            ((DataFormatException) e).hint().orElseThrow()).startsWith("did you mean 'price'?"));
  }
}
