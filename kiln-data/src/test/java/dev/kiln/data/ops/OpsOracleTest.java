package dev.kiln.data.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks dropDuplicates, groupBy, join and sort against DuckDB running the same SQL. */
class OpsOracleTest {
  @TempDir Path dir;
  private Frame t;
  private Frame u;

  static Frame random(SplittableRandom r, int rows, String prefix) {
    long[] k1 = new long[rows];
    String[] k2 = new String[rows];
    double[] v = new double[rows];
    long[] w = new long[rows];
    long[] rid = new long[rows];
    BitSet k1n = new BitSet();
    BitSet vn = new BitSet();
    for (int i = 0; i < rows; i++) {
      k1[i] = r.nextInt(40);
      k2[i] = r.nextInt(12) == 0 ? null : "s" + r.nextInt(15);
      v[i] = Math.round(r.nextGaussian() * 1000) / 10.0;
      w[i] = r.nextInt(-5, 30);
      rid[i] = i;
      if (r.nextInt(15) == 0) {
        k1n.set(i);
      }
      if (r.nextInt(10) == 0) {
        vn.set(i);
      }
    }
    return Frame.of(new LongColumn("k1", k1, k1n), StringColumn.of("k2", k2),
        new DoubleColumn(prefix + "v", v, vn), LongColumn.of(prefix + "w", w),
        LongColumn.of(prefix + "rid", rid));
  }

  @BeforeEach
  void data() {
    SplittableRandom r = new SplittableRandom(11);
    t = random(r, 6000, "");
    u = random(r, 900, "u_");
    FrameWriter.write(t, dir.resolve("t.parquet"), FileFormat.PARQUET);
    FrameWriter.write(u, dir.resolve("u.parquet"), FileFormat.PARQUET);
  }

  private List<List<Object>> sql(String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      c.createStatement().execute("CREATE VIEW t AS SELECT * FROM '" + dir.resolve("t.parquet")
          + "'");
      c.createStatement().execute("CREATE VIEW u AS SELECT * FROM '" + dir.resolve("u.parquet")
          + "'");
      return rows(FrameReader.query(c, query));
    }
  }

  static List<List<Object>> rows(Frame f) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < f.rowCount(); i++) {
      List<Object> row = new ArrayList<>();
      for (Column c : f.columns()) {
        Object v = c.get(i);
        row.add(v instanceof Double d ? (Object) (Math.round(d * 1e6) / 1e6) : v);
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void dropDuplicates_matchesQualifyRowNumber() throws Exception {
    assertThat(rows(t.dropDuplicates("k1", "k2").select(List.of("rid")))).isEqualTo(sql(
        "SELECT rid FROM t QUALIFY row_number() OVER (PARTITION BY k1, k2 ORDER BY rid) = 1 "
            + "ORDER BY rid"));
  }

  @Test
  void groupBy_matchesGroupBy() throws Exception {
    Frame mine = t.groupBy("k1", "k2").agg(Aggregation.count(), Aggregation.count("v"),
        Aggregation.sum("v"), Aggregation.mean("v"), Aggregation.min("v"), Aggregation.max("w"),
        Aggregation.std("v"), Aggregation.nunique("w"), Aggregation.first("v"),
        Aggregation.last("w"));
    assertThat(mine.rowCount()).isGreaterThan(400);
    assertThat(rows(mine)).isEqualTo(sql("SELECT k1, k2, count(*), count(v), coalesce(sum(v), 0),"
        + " avg(v), min(v), max(w), stddev_samp(v), count(DISTINCT w), first(v ORDER BY rid), "
        + "last(w ORDER BY rid) FROM t GROUP BY k1, k2 ORDER BY min(rid)"));
  }

  @Test
  void joins_matchSqlJoins() throws Exception {
    Frame inner = t.join(u, List.of("k1", "k2"), JoinType.INNER);
    assertThat(inner.rowCount()).isGreaterThan(1000);
    assertThat(rows(inner)).isEqualTo(sql("SELECT t.*, u.u_v, u.u_w, u.u_rid FROM t JOIN u "
        + "ON t.k1 = u.k1 AND t.k2 = u.k2 ORDER BY t.rid, u.u_rid"));
    Frame left = t.join(u, List.of("k1", "k2"), JoinType.LEFT);
    assertThat(rows(left)).isEqualTo(sql("SELECT t.*, u.u_v, u.u_w, u.u_rid FROM t LEFT JOIN u "
        + "ON t.k1 = u.k1 AND t.k2 = u.k2 ORDER BY t.rid, u.u_rid"));
  }

  @Test
  void sort_matchesOrderBy() throws Exception {
    Frame mine = t.sort(SortKey.asc("k2"), SortKey.desc("v"), SortKey.asc("k1").nullsFirst());
    assertThat(rows(mine)).isEqualTo(sql("SELECT * FROM t ORDER BY k2 ASC NULLS LAST, "
        + "v DESC NULLS LAST, k1 ASC NULLS FIRST, rid"));
  }
}
