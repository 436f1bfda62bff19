package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for what a run logs: metrics with history, write-once params, tags and inputs. */
final class RunLogRepo {
  /** Upserts the latest value of a key unless the stored one is newer (see Metric#isNewerThan). */
  private static final String UPSERT_LATEST = "INSERT INTO latest_metrics (run_id, key, value, ts, "
      + "step) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, "
      + "ts = excluded.ts, step = excluded.step WHERE latest_metrics.step < excluded.step OR "
      + "(latest_metrics.step = excluded.step AND (latest_metrics.ts < excluded.ts OR "
      + "(latest_metrics.ts = excluded.ts AND latest_metrics.value < excluded.value)))";

  /**
   * Logs a batch to a run, throwing (so the transaction rolls back) if the run is missing or
   * deleted. Metric rows are inserted only for an active run, which doubles as that check and
   * saves a round trip per call.
   */
  void log(Connection c, String runId, LogBatch batch, RunRepo runs) throws SQLException {
    if (appendMetrics(c, runId, batch.metrics()) < batch.metrics().size()
        || batch.metrics().isEmpty()) {
      runs.requireActive(c, runId);
    }
    for (Map.Entry<String, String> p : batch.params().entrySet()) {
      logParam(c, runId, p.getKey(), p.getValue());
    }
    RunRepo.TAGS.set(c, batch.tags(), runId);
  }

  private static void logParam(Connection c, String runId, String key, String value)
      throws SQLException {
    List<String> old = Sql.query(c, "SELECT value FROM params WHERE run_id = ? AND key = ?",
        rs -> rs.getString(1), runId, key);
    if (old.isEmpty()) {
      Sql.update(c, "INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)", runId, key, value);
    } else if (!old.get(0).equals(value)) {
      throw new InvalidParameterException("Param '" + key + "' of run '" + runId
          + "' is already '" + old.get(0) + "'; params are write-once, so '" + value
          + "' was rejected.", "Log the changed value under a new key, or start a new run.");
    }
  }

  /**
   * Appends the history rows of an active run in one JDBC batch, then upserts the newest value of
   * each key once.
   *
   * @return the rows appended: 0 if the run is missing or deleted, -1 if the driver cannot tell
   */
  private static int appendMetrics(Connection c, String runId, List<Metric> metrics)
      throws SQLException {
    if (metrics.isEmpty()) {
      return 0;
    }
    Map<String, Metric> newest = new LinkedHashMap<>();
    List<Object[]> rows = new ArrayList<>(metrics.size());
    for (Metric m : metrics) {
      rows.add(new Object[] {runId, m.key(), m.value(), m.timestamp(), m.step(), runId});
      newest.merge(m.key(), m, (a, b) -> b.isNewerThan(a) ? b : a);
    }
    int appended = Sql.batch(c, "INSERT INTO metrics (run_id, key, value, ts, step) "
        + "SELECT ?, ?, ?, ?, ? FROM runs WHERE id = ? AND deleted = 0", rows);
    if (appended == 0) {
      return 0;
    }
    List<Object[]> latest = new ArrayList<>(newest.size());
    for (Metric m : newest.values()) {
      latest.add(new Object[] {runId, m.key(), m.value(), m.timestamp(), m.step()});
    }
    Sql.batch(c, UPSERT_LATEST, latest);
    return appended;
  }

  void logInputs(Connection c, String runId, List<DatasetInput> inputs) throws SQLException {
    for (DatasetInput d : inputs) {
      Sql.update(c, "DELETE FROM dataset_inputs WHERE run_id = ? AND name = ? AND location = ?",
          runId, d.name(), d.location());
      Sql.update(c, "INSERT INTO dataset_inputs (run_id, name, location, version, content_hash, "
          + "row_count, schema_text) VALUES (?, ?, ?, ?, ?, ?, ?)", runId, d.name(),
          d.location(), d.version(), d.contentHash(), d.rowCount(), d.schema());
    }
  }

  List<Metric> history(Connection c, String runId, String key) throws SQLException {
    return Sql.query(c, "SELECT key, value, ts, step FROM metrics WHERE run_id = ? AND key = ? "
        + "ORDER BY step, ts", RunRepo::metric, runId, key);
  }
}
