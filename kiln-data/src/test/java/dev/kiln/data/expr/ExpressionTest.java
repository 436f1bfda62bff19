package dev.kiln.data.expr;

import static dev.kiln.data.expr.Evaluations.both;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionTest {
  private static final long MICROS = 1_000_000L;

  /** Four rows; row 1 has nulls in x, n, s, flag; row 3 has a NaN x. */
  static Frame frame() {
    BitSet second = new BitSet();
    second.set(1);
    return Frame.of(new DoubleColumn("x", new double[] {2.5, 0, -4, Double.NaN}, second),
        new LongColumn("n", new long[] {7, 0, -3, 0}, second),
        StringColumn.of("s", " Diesel ", null, "petrol", "électrique"),
        new BooleanColumn("flag", new boolean[] {true, false, false, true}, second),
        TimestampColumn.of("ts", Instant.parse("2024-02-29T13:45:10Z").getEpochSecond() * MICROS,
            0, Instant.parse("1969-12-31T23:00:00Z").getEpochSecond() * MICROS,
            Instant.parse("2000-03-01T00:00:00.5Z").getEpochSecond() * MICROS + 500_000));
  }

  private static List<Object> values(String text) {
    return both(frame(), text);
  }

  @Test
  void arithmetic_longsStayLongs_divisionGivesDouble_byZeroIsNull() {
    assertThat(values("n + 1")).containsExactly(8L, null, -2L, 1L);
    assertThat(values("n * 2 - 1")).containsExactly(13L, null, -7L, -1L);
    assertThat(values("n / 2")).containsExactly(3.5, null, -1.5, 0.0);
    assertThat(values("10 / n")).containsExactly(10 / 7.0, null, -10 / 3.0, null);
    assertThat(values("n % 2")).containsExactly(1L, null, -1L, 0L);
    assertThat(values("n % 0")).containsExactly(null, null, null, null);
    assertThat(values("x / 0")).containsExactly(null, null, null, null);
    assertThat(values("x + n")).containsExactly(9.5, null, -7.0, null);
    assertThat(values("-x")).containsExactly(-2.5, null, 4.0, null);
    assertThat(Expression.parse("n + 1").type(frame().schema())).isEqualTo(ColumnType.LONG);
    assertThat(Expression.parse("n + 1.0").type(frame().schema())).isEqualTo(ColumnType.DOUBLE);
  }

  @Test
  void comparisonsAndLogic_useThreeValuedLogic() {
    assertThat(values("x > 0")).containsExactly(true, null, false, null);
    assertThat(values("x > 0 and n > 0")).containsExactly(true, null, false, false);
    assertThat(values("x > 0 or n = 0")).containsExactly(true, null, false, true);
    assertThat(values("x is null or flag")).containsExactly(true, true, false, true);
    assertThat(values("flag and false")).containsExactly(false, false, false, false);
    assertThat(values("flag or true")).containsExactly(true, true, true, true);
    assertThat(values("not flag")).containsExactly(false, null, true, false);
    assertThat(values("x is null")).containsExactly(false, true, false, true);
    assertThat(values("s is not null")).containsExactly(true, false, true, true);
    assertThat(values("n between -3 and 0")).containsExactly(false, null, true, true);
    assertThat(values("s <> 'petrol'")).containsExactly(true, null, false, true);
    assertThat(values("ts < '2000-01-01'")).containsExactly(false, true, true, false);
  }

  @Test
  void inList_followsSql() {
    assertThat(values("n in (7, -3)")).containsExactly(true, null, true, false);
    assertThat(values("n not in (7, -3)")).containsExactly(false, null, false, true);
    assertThat(values("n in (7, null)")).containsExactly(true, null, null, null);
    assertThat(values("x in (2.5, 1)")).containsExactly(true, null, false, null);
    assertThat(values("n in (7.0, 1.5)")).containsExactly(true, null, false, false);
    assertThat(values("s in ('petrol', 'gas')")).containsExactly(false, null, true, false);
  }

  @Test
  void conditionals_caseCoalesceMapLeastGreatest() {
    assertThat(values("case when x > 0 then 'pos' when x < 0 then 'neg' else 'other' end"))
        .containsExactly("pos", "other", "neg", "other");
    assertThat(values("case when n > 0 then 1 end")).containsExactly(1L, null, null, null);
    assertThat(values("case when n > 0 then 1 else 0.5 end")).containsExactly(1.0, 0.5, 0.5, 0.5);
    assertThat(values("case s when 'petrol' then 1 when 'gas' then 2 else 0 end"))
        .containsExactly(0L, 0L, 1L, 0L);
    assertThat(values("case n when n then 'self' end")).containsExactly("self", null, "self",
        "self");
    assertThat(values("map(s, 'petrol' -> 1, 'électrique' -> 2)")).containsExactly(null, null,
        1L, 2L);
    assertThat(values("map(n, 7 -> 'seven', 0 -> 'zero', 'other')")).containsExactly("seven",
        "other", "other", "zero");
    assertThat(values("coalesce(x, n, -1)")).containsExactly(2.5, -1.0, -4.0, 0.0);
    assertThat(values("coalesce(s, 'none')")).containsExactly(" Diesel ", "none", "petrol",
        "électrique");
    assertThat(values("nullif(n, 0)")).containsExactly(7L, null, -3L, null);
    assertThat(values("least(x, n, 1)")).containsExactly(1.0, 1.0, -4.0, 0.0);
    assertThat(values("greatest(x, null)")).containsExactly(2.5, null, -4.0, null);
  }

  @Test
  void mathFunctions_followJava_andNanIsNull() {
    assertThat(values("log1p(abs(x))")).containsExactly(Math.log1p(2.5), null, Math.log1p(4),
        null);
    assertThat(values("sqrt(x)")).containsExactly(Math.sqrt(2.5), null, null, null);
    assertThat(values("log(x)")).containsExactly(Math.log(2.5), null, null, null);
    assertThat(values("log(2, 8)")).containsExactly(3.0, 3.0, 3.0, 3.0);
    assertThat(values("log10(100) + log2(8) + ln(1)")).containsExactly(5.0, 5.0, 5.0, 5.0);
    assertThat(values("round(x)")).containsExactly(3.0, null, -4.0, null);
    assertThat(values("round(-2.5) + round(1.234, 2)")).containsExactly(-1.77, -1.77, -1.77,
        -1.77);
    assertThat(values("floor(x) + ceil(x)")).containsExactly(5.0, null, -8.0, null);
    assertThat(values("abs(n)")).containsExactly(7L, null, 3L, 0L);
    assertThat(values("pow(n, 2)")).containsExactly(49.0, null, 9.0, 0.0);
    assertThat(values("exp(0) + sign(x)")).containsExactly(2.0, null, 0.0, null);
  }

  @Test
  void stringFunctions() {
    assertThat(values("upper(trim(s))")).containsExactly("DIESEL", null, "PETROL",
        "ÉLECTRIQUE");
    assertThat(values("length(s)")).containsExactly(8L, null, 6L, 10L);
    assertThat(values("substr(s, 2, 3)")).containsExactly("Die", null, "etr", "lec");
    assertThat(values("substr(s, 0, 2)")).containsExactly(" ", null, "p", "é");
    assertThat(values("substring(s, 4)")).containsExactly("esel ", null, "rol", "ctrique");
    assertThat(values("replace(s, 'e', 'E')")).containsExactly(" DiEsEl ", null, "pEtrol",
        "élEctriquE");
    assertThat(values("contains(s, 'tr') or starts_with(s, ' ')")).containsExactly(true, null,
        true, true);
    assertThat(values("ends_with(s, 'ol')")).containsExactly(false, null, true, false);
    assertThat(values("concat(s, '-', n)")).containsExactly(" Diesel -7", null, "petrol--3",
        "électrique-0");
    assertThat(values("lower(s) || '!'")).containsExactly(" diesel !", null, "petrol!",
        "électrique!");
  }

  @Test
  void dateParts_readUtcWallClock() {
    assertThat(values("year(ts)")).containsExactly(2024L, 1970L, 1969L, 2000L);
    assertThat(values("month(ts) * 100 + day(ts)")).containsExactly(229L, 101L, 1231L, 301L);
    assertThat(values("hour(ts)")).containsExactly(13L, 0L, 23L, 0L);
    assertThat(values("minute(ts) * 100 + second(ts)")).containsExactly(4510L, 0L, 0L, 0L);
    assertThat(values("dayofweek(ts)")).containsExactly(3L, 3L, 2L, 2L);
    assertThat(values("dayofyear(ts)")).containsExactly(60L, 1L, 365L, 61L);
    assertThat(values("quarter(ts)")).containsExactly(1L, 1L, 4L, 1L);
    assertThat(values("epoch(ts)")).containsExactly(1709214310.0, 0.0, -3600.0, 951868800.5);
    assertThat(values("cast(ts as string)")).containsExactly("2024-02-29 13:45:10",
        "1970-01-01 00:00:00", "1969-12-31 23:00:00", "2000-03-01 00:00:00.500000");
    assertThat(values("to_timestamp(0) = cast('1970-01-01' as timestamp)")).containsOnly(true);
  }

  @Test
  void timestampResults_keepTheKindOfTheColumnTheyRead() {
    Frame f = Frame.of(TimestampColumn.ofLocal("local", LocalDateTime.of(2024, 5, 1, 8, 30)),
        TimestampColumn.ofDates("day", LocalDate.of(2024, 5, 1)));
    TimestampColumn local = (TimestampColumn) f.withColumn("t", "coalesce(local, '2020-01-01')")
        .column("t");
    assertThat(local.kind()).isEqualTo(TimestampColumn.Kind.LOCAL);
    assertThat(local.get(0)).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 30));
    assertThat(((TimestampColumn) f.withColumn("t", "case when true then day end").column("t"))
        .kind()).isEqualTo(TimestampColumn.Kind.DATE);
    assertThat(((TimestampColumn) f.withColumn("t", "cast('2024-01-01' as timestamp)")
        .column("t")).get(0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(both(f, "hour(local) * 100 + minute(local)")).containsExactly(830L);
  }

  @Test
  void casts_invalidValuesBecomeNull() {
    assertThat(values("cast(x as long)")).containsExactly(2L, null, -4L, null);
    assertThat(values("cast(n as string)")).containsExactly("7", null, "-3", "0");
    assertThat(values("cast(x as string)")).containsExactly("2.5", null, "-4.0", null);
    assertThat(values("cast(s as double)")).containsExactly(null, null, null, null);
    assertThat(values("cast(' 12 ' as long) + cast('1.5' as double)")).containsOnly(13.5);
    assertThat(values("cast(flag as long)")).containsExactly(1L, null, 0L, 1L);
    assertThat(values("cast(n as boolean)")).containsExactly(true, null, true, false);
    assertThat(values("cast('yes' as boolean)")).containsOnly(true);
  }

  @Test
  void columns_listsReferencedNames_andQuotedNamesWork() {
    Frame f = Frame.of(DoubleColumn.of("unit price", 2, 3), LongColumn.of("qty", 1, 2));
    assertThat(Expression.parse("\"unit price\" * qty + qty").columns())
        .containsExactly("unit price", "qty");
    assertThat(both(f, "\"unit price\" * qty")).containsExactly(2.0, 6.0);
  }

  @Test
  void frameFilterAndWithColumn_useExpressions() {
    Frame f = frame();
    assertThat(f.filter("n >= 0").column("n").get(0)).isEqualTo(7L);
    assertThat(f.filter("n >= 0").rowCount()).isEqualTo(2);
    Frame g = f.withColumn("double_n", "n * 2");
    assertThat(g.column("double_n").get(2)).isEqualTo(-6L);
    assertThat(g.column("double_n").isNull(1)).isTrue();
    DoubleColumn ratio = (DoubleColumn) f.withColumn("r", "x / n").column("r");
    assertThat(ratio.nullCount()).isEqualTo(2);
    assertThat(Arrays.stream(ratio.toDoubleArray()).filter(Double::isNaN).count()).isEqualTo(2);
  }
}
