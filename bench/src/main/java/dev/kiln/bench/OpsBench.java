package dev.kiln.bench;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.data.expr.DerivedColumns;
import dev.kiln.data.expr.RowBuffer;
import dev.kiln.data.expr.RowProgram;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.data.ops.Aggregation;
import dev.kiln.data.ops.JoinType;
import dev.kiln.data.ops.SortKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Frame operations on a generated table (default 1M rows: a long key of rows/10 values, a text key
 * of 1,000 values, a double with 1% missing, a long) against DuckDB running the same SQL over the
 * same data loaded into an in-memory table, in the same run. DuckDB materializes its results
 * ({@code CREATE TEMP TABLE ... AS}) as Kiln builds a frame. Usage: OpsBench [ROWS].
 */
public final class OpsBench {
  private OpsBench() {}

  /** One operation done both ways. */
  private record Case(String name, Timing.Task kiln, String sql) {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Frame t = table(rows, new SplittableRandom(1));
    Frame u = lookup(rows / 10);
    Path dir = Files.createTempDirectory("kiln-ops-bench");
    FrameWriter.write(t, dir.resolve("t.parquet"), FileFormat.PARQUET);
    FrameWriter.write(u, dir.resolve("u.parquet"), FileFormat.PARQUET);
    List<Case> cases = List.of(
        new Case("dropDuplicates(k1, k2)", () -> t.dropDuplicates("k1", "k2"),
            "SELECT DISTINCT ON (k1, k2) * FROM t"),
        new Case("groupBy(k1): count, sum, mean, max", () -> t.groupBy("k1").agg(
            Aggregation.count(), Aggregation.sum("v"), Aggregation.mean("v"),
            Aggregation.max("w")), "SELECT k1, count(*), sum(v), avg(v), max(w) FROM t GROUP BY k1"),
        new Case("groupBy(k2): count, sum, std", () -> t.groupBy("k2").agg(Aggregation.count(),
            Aggregation.sum("v"), Aggregation.std("v")),
            "SELECT k2, count(*), sum(v), stddev_samp(v) FROM t GROUP BY k2"),
        new Case("join t, u on k1 (inner)", () -> t.join(u, List.of("k1"), JoinType.INNER),
            "SELECT * FROM t JOIN u USING (k1)"),
        new Case("sort by v desc", () -> t.sort(SortKey.desc("v")),
            "SELECT * FROM t ORDER BY v DESC NULLS LAST"),
        new Case("filter v > 0 and w % 2 = 0", () -> t.filter("v > 0 and w % 2 = 0"),
            "SELECT * FROM t WHERE v > 0 AND w % 2 = 0"),
        new Case("withColumn log1p(abs(v)) * 2", () -> t.withColumn("x", "log1p(abs(v)) * 2"),
            "SELECT *, ln(1 + abs(v)) * 2 AS x FROM t"));
    System.out.printf("%,d rows; best of 5 runs; DuckDB over an in-memory table%n", rows);
    System.out.printf("%-36s %10s %12s %8s %12s %8s%n", "operation", "Kiln ms", "DuckDB(1) ms",
        "ratio", "DuckDB(2) ms", "ratio");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT * FROM '" + dir.resolve("t.parquet") + "'");
      s.execute("CREATE TABLE u AS SELECT * FROM '" + dir.resolve("u.parquet") + "'");
      for (Case k : cases) {
        double kiln = Timing.bestMillis(5, k.kiln());
        double one = duck(s, k.sql(), 1);
        double two = duck(s, k.sql(), 2);
        System.out.printf("%-36s %10.1f %12.1f %7.2fx %12.1f %7.2fx%n", k.name(), kiln, one,
            kiln / one, two, kiln / two);
      }
    }
    System.out.println("ratio = Kiln time / DuckDB time (goal <= 2 against DuckDB's threads=2)");
    Scratch.delete(dir);
    perRow();
  }

  private static double duck(Statement s, String sql, int threads) throws Exception {
    s.execute("SET threads = " + threads);
    return Timing.bestMillis(5, () -> s.execute("CREATE OR REPLACE TEMP TABLE r AS " + sql));
  }

  /**
   * Times the fraud example's two derived columns evaluated one row at a time (as a model server
   * does per request) against the same arithmetic written in Java.
   */
  private static void perRow() throws Exception {
    FrameSchema raw = new FrameSchema(Map.of("Time", ColumnType.DOUBLE, "Amount",
        ColumnType.DOUBLE));
    RowProgram program = DerivedColumns.of(List.of(
        DerivedColumn.of("log_amount", "log1p(greatest(Amount, 0))"),
        DerivedColumn.of("hour", "floor(Time / 3600) % 24"))).compile(raw);
    RowBuffer row = program.newBuffer();
    int time = row.slot("Time");
    int amount = row.slot("Amount");
    int n = 2_000_000;
    double[] sink = new double[1];
    double compiled = Timing.bestMillis(5, () -> {
      for (int i = 0; i < n; i++) {
        row.setDouble(time, i * 7.0);
        row.setDouble(amount, i % 1000);
        program.compute(row);
        sink[0] += row.getDouble(2) + row.getDouble(3);
      }
    });
    double java = Timing.bestMillis(5, () -> {
      for (int i = 0; i < n; i++) {
        double t = i * 7.0;
        double a = i % 1000;
        sink[0] += Math.log1p(Math.max(a, 0)) + Math.floor(t / 3600) % 24;
      }
    });
    System.out.printf("per-row derived columns (fraud features): %.0f ns/row; plain Java %.0f ns/row"
        + " (checksum %.0f)%n", compiled * 1e6 / n, java * 1e6 / n, sink[0] % 10);
  }

  static Frame table(int rows, SplittableRandom r) {
    long[] k1 = new long[rows];
    String[] k2 = new String[rows];
    double[] v = new double[rows];
    long[] w = new long[rows];
    BitSet missing = new BitSet();
    String[] words = new String[1000];
    for (int i = 0; i < words.length; i++) {
      words[i] = "category_" + i;
    }
    for (int i = 0; i < rows; i++) {
      k1[i] = r.nextInt(Math.max(1, rows / 10));
      k2[i] = words[r.nextInt(words.length)];
      v[i] = r.nextGaussian();
      w[i] = r.nextInt(1000);
      if (r.nextInt(100) == 0) {
        missing.set(i);
      }
    }
    return Frame.of(LongColumn.of("k1", k1), StringColumn.of("k2", k2),
        new DoubleColumn("v", v, missing), LongColumn.of("w", w));
  }

  private static Frame lookup(int rows) {
    long[] k1 = new long[rows];
    double[] score = new double[rows];
    for (int i = 0; i < rows; i++) {
      k1[i] = i;
      score[i] = i * 0.5;
    }
    return Frame.of(LongColumn.of("k1", k1), DoubleColumn.of("score", score));
  }
}
