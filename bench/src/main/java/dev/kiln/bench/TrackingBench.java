package dev.kiln.bench;

import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.tracking.ViewType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Measures the tracking store on SQLite and on a real (embedded) PostgreSQL: logging 10,000
 * metrics to one run one call at a time and through log-batch (1000 per call, MLflow's limit),
 * and a filtered, ordered search over 10,000 runs. Each figure is compared with a plain JDBC
 * baseline on the same database in the same run: the same rows inserted with a reused prepared
 * statement (one transaction per row, or one batch), and the same search as one hand-written query.
 * Figures are the best of three rounds; each round of the store logs to a fresh run.
 */
public final class TrackingBench {
  private static final String FILTER = "metrics.auc > 0.5";
  private static final String ORDER = "metrics.auc DESC";
  private static final int PAGE = 1000;
  private static final int ROUNDS = 3;

  private final int metrics;
  private final int runs;

  private TrackingBench(int metrics, int runs) {
    this.metrics = metrics;
    this.runs = runs;
  }

  /** Runs the benchmark; arguments: metric count (default 10000), run count (default 10000). */
  public static void main(String[] args) throws Exception {
    int metrics = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    TrackingBench bench = new TrackingBench(metrics, runs);
    Path dir = Files.createTempDirectory("kiln-tracking-bench");
    System.out.printf("Tracking store: %,d metrics into one run; search over %,d runs (%s, order"
        + " by %s, max %d)%n", metrics, runs, FILTER, ORDER, PAGE);
    bench.measure("SQLite", StoreConfig.sqlite(dir.resolve("bench.db")));
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      bench.measure("PostgreSQL (embedded)", new StoreConfig(pg.getJdbcUrl("postgres", "postgres"),
          "postgres", "postgres", dir.resolve("pg-artifacts").toUri().toString(),
          Duration.ofSeconds(10), Duration.ofSeconds(60)));
    }
  }

  private void measure(String label, StoreConfig config) throws Exception {
    System.out.printf("%n== %s ==%n", label);
    try (TrackingStore store = TrackingStores.open(config);
        Connection jdbc = baselineConnection(config)) {
      measureLogging(store, jdbc);
      measureSearch(store, jdbc);
    }
  }

  private void measureLogging(TrackingStore store, Connection jdbc) throws Exception {
    String exp = store.createExperiment("bench-" + System.nanoTime(), Map.of()).id();
    List<Metric> rows = new ArrayList<>(metrics);
    for (int i = 0; i < metrics; i++) {
      rows.add(new Metric("loss", 1.0 / (i + 1), 1_700_000_000_000L + i, i));
    }
    double rowBaseline = best(() -> baselineInserts(jdbc, rows, false));
    double batchBaseline = best(() -> baselineInserts(jdbc, rows, true));
    List<String> logged = new ArrayList<>();
    double single = best(() -> {
      String run = store.createRun(exp, "one-at-a-time", Map.of()).id();
      logged.add(run);
      rows.forEach(m -> store.logBatch(run, LogBatch.metrics(m)));
    });
    double batch = best(() -> {
      String run = store.createRun(exp, "log-batch", Map.of()).id();
      logged.add(run);
      for (int from = 0; from < rows.size(); from += 1000) {
        store.logBatch(run, new LogBatch(rows.subList(from, Math.min(rows.size(), from + 1000)),
            Map.of(), Map.of()));
      }
    });
    for (String run : logged) {
      check(store.getMetricHistory(run, "loss").size() == metrics, "metrics missing in " + run);
    }
    report("plain JDBC, 1 tx per row (baseline)", rowBaseline, rowBaseline);
    report("store.logBatch, 1 metric per call", single, rowBaseline);
    report("plain JDBC, one batch (baseline)", batchBaseline, batchBaseline);
    report("store.logBatch, 1000 per call", batch, batchBaseline);
  }

  private void measureSearch(TrackingStore store, Connection jdbc) throws Exception {
    String searchExp = store.createExperiment("search-" + System.nanoTime(), Map.of()).id();
    double setup = Timing.bestMillis(1, () -> createRuns(store, searchExp));
    System.out.printf("  (setup: %,d runs created, logged and ended in %.0f ms)%n", runs, setup);
    int[] found = new int[2];
    double baseline = best(() -> found[0] = baselineSearch(jdbc, searchExp));
    double search = best(() -> found[1] = store.searchRuns(List.of(searchExp),
        new SearchRequest(FILTER, PAGE, List.of(ORDER), null), ViewType.ACTIVE_ONLY)
        .items().size());
    check(found[0] == found[1], "search found " + found[1] + " runs, baseline " + found[0]);
    report("plain SQL search, ids only (baseline)", baseline, baseline);
    report("store.searchRuns, full runs", search, baseline);
  }

  private void createRuns(TrackingStore store, String exp) {
    for (int i = 0; i < runs; i++) {
      Run run = store.createRun(exp, "r" + i, Map.of("batch", Integer.toString(i / 1000)));
      store.logBatch(run.id(), new LogBatch(List.of(new Metric("auc", (i * 7919 % runs)
          / (double) runs, i, 0)), Map.of("depth", Integer.toString(i % 10)), Map.of()));
      store.updateRun(run.id(), RunStatus.FINISHED, System.currentTimeMillis());
    }
  }

  private static void baselineInserts(Connection c, List<Metric> rows, boolean oneBatch)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_metrics");
      s.execute("CREATE TABLE bench_metrics (run_id VARCHAR(64) NOT NULL, key VARCHAR(250) "
          + "NOT NULL, value DOUBLE PRECISION, ts BIGINT NOT NULL, step BIGINT NOT NULL)");
    }
    c.setAutoCommit(!oneBatch);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO bench_metrics (run_id, key, value, ts, step) VALUES (?, ?, ?, ?, ?)")) {
      for (Metric m : rows) {
        ps.setString(1, "baseline");
        ps.setString(2, m.key());
        ps.setDouble(3, m.value());
        ps.setLong(4, m.timestamp());
        ps.setLong(5, m.step());
        if (oneBatch) {
          ps.addBatch();
        } else {
          ps.executeUpdate();
        }
      }
      if (oneBatch) {
        ps.executeBatch();
        c.commit();
      }
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static int baselineSearch(Connection c, String exp) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM runs r JOIN latest_metrics m"
        + " ON m.run_id = r.id AND m.key = 'auc' WHERE r.experiment_id = ? AND r.deleted = 0"
        + " AND m.value > 0.5 ORDER BY m.value DESC, r.start_time DESC, r.id LIMIT " + PAGE)) {
      ps.setString(1, exp);
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
  }

  /** Opens a plain connection with the same SQLite settings as the store (WAL, NORMAL sync). */
  private static Connection baselineConnection(StoreConfig config) throws SQLException {
    Properties props = new Properties();
    if (config.url().startsWith("jdbc:sqlite:")) {
      props.setProperty("journal_mode", "WAL");
      props.setProperty("synchronous", "NORMAL");
    } else {
      props.setProperty("user", config.user());
      props.setProperty("password", config.password());
    }
    return DriverManager.getConnection(config.url(), props);
  }

  private static void report(String what, double ms, double baseline) {
    System.out.printf("  %-40s %9.1f ms   %6.1fx baseline%n", what, ms, ms / baseline);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  /** Returns the best of {@value #ROUNDS} timings in ms. */
  private static double best(Timing.Task task) throws Exception {
    return Timing.bestMillis(ROUNDS, task);
  }
}
