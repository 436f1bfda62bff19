package dev.kiln.data.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Vectorized and per-row evaluation agree on random frames, for fixed and random expressions. */
class ParityTest {
  private static final List<String> FIXED = List.of("a + b * 2 - c / 3", "a % c", "b % 3",
      "b / 0", "-a", "a > b and not (c < 0) or d", "case when a > 0 then a when d then 1.5 end",
      "coalesce(a, c, b)", "least(a, b, c)", "greatest(s, t)", "b in (1, 2, 3, null)",
      "s in ('a', 'b')", "map(s, 'a' -> 1.5, 'b' -> 2, -1)", "case s when 'a' then 'x' else t end",
      "log1p(abs(a)) + sqrt(c) - exp(b / 10)", "round(a, 1) + floor(c) + ceil(a) + pow(b, 2)",
      "upper(s) || lower(t) || concat(b, a)", "length(t) + length(s)", "substr(t, b, cast(c as long))",
      "contains(t, s) or starts_with(t, 'a') or ends_with(t, 'z')", "replace(t, s, 'Q')",
      "year(ts) * 10000 + month(ts) * 100 + day(ts)", "hour(ts) + dayofweek(ts) + epoch(ts)",
      "cast(a as long) + cast(s as long) + cast(d as long)", "cast(a as string) || t",
      "ts > '2001-01-01' and ts < '2030-01-01 12:00:00'", "a is null or t is not null",
      "nullif(b, 2) + nullif(c, 0.5)", "a between c and b", "cast(cast(b as string) as double)");

  static Frame randomFrame(SplittableRandom r, int rows) {
    double[] a = new double[rows];
    long[] b = new long[rows];
    double[] c = new double[rows];
    boolean[] d = new boolean[rows];
    String[] s = new String[rows];
    String[] t = new String[rows];
    long[] ts = new long[rows];
    BitSet an = new BitSet();
    BitSet bn = new BitSet();
    BitSet dn = new BitSet();
    BitSet tsn = new BitSet();
    String[] words = {"a", "b", "ab", "", "za", "Ä", "x y"};
    for (int i = 0; i < rows; i++) {
      a[i] = r.nextInt(5) == 0 ? Double.NaN : r.nextInt(-20, 20) / 4.0;
      b[i] = r.nextInt(-3, 6);
      c[i] = r.nextInt(10) == 0 ? 0 : r.nextDouble(-100, 100);
      d[i] = r.nextBoolean();
      s[i] = r.nextInt(6) == 0 ? null : words[r.nextInt(words.length)];
      t[i] = r.nextInt(6) == 0 ? null : words[r.nextInt(words.length)] + r.nextInt(100);
      ts[i] = r.nextLong(-2_000_000_000L, 2_500_000_000L) * 1_000_000L + r.nextInt(1_000_000);
      mark(r, an, i);
      mark(r, bn, i);
      mark(r, dn, i);
      mark(r, tsn, i);
    }
    return Frame.of(new DoubleColumn("a", a, an), new LongColumn("b", b, bn),
        DoubleColumn.of("c", c), new BooleanColumn("d", d, dn), StringColumn.of("s", s),
        StringColumn.of("t", t), new TimestampColumn("ts", ts, tsn));
  }

  private static void mark(SplittableRandom r, BitSet nulls, int i) {
    if (r.nextInt(7) == 0) {
      nulls.set(i);
    }
  }

  @Test
  void fixedExpressions_agreeOnRandomFrames() {
    SplittableRandom r = new SplittableRandom(42);
    for (int round = 0; round < 5; round++) {
      Frame f = randomFrame(r, 300);
      FIXED.forEach(e -> Evaluations.both(f, e));
    }
  }

  @Test
  void randomExpressions_agreeOnRandomFrames() {
    SplittableRandom r = new SplittableRandom(7);
    Frame f = randomFrame(r, 200);
    RandomExpressions gen = new RandomExpressions(r);
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      String e = gen.numeric(4);
      Evaluations.both(f, e);
      Evaluations.both(f, gen.condition(3));
      checked += 2;
    }
    assertThat(checked).isEqualTo(800);
  }
}
