package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** SQL for what a run logs: metrics with history, write-once params, tags and inputs. */
final class RunLogRepo {
  void log(Connection c, String runId, LogBatch batch) throws SQLException {
    for (Map.Entry<String, String> p : batch.params().entrySet()) {
      logParam(c, runId, p.getKey(), p.getValue());
    }
    for (Metric m : batch.metrics()) {
      logMetric(c, runId, m);
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

  private static void logMetric(Connection c, String runId, Metric m) throws SQLException {
    Sql.update(c, "INSERT INTO metrics (run_id, key, value, ts, step) VALUES (?, ?, ?, ?, ?)",
        runId, m.key(), m.value(), m.timestamp(), m.step());
    List<Metric> latest = Sql.query(c,
        "SELECT key, value, ts, step FROM latest_metrics WHERE run_id = ? AND key = ?",
        RunRepo::metric, runId, m.key());
    if (latest.isEmpty()) {
      Sql.update(c, "INSERT INTO latest_metrics (run_id, key, value, ts, step) "
          + "VALUES (?, ?, ?, ?, ?)", runId, m.key(), m.value(), m.timestamp(), m.step());
    } else if (m.isNewerThan(latest.get(0))) {
      Sql.update(c, "UPDATE latest_metrics SET value = ?, ts = ?, step = ? "
          + "WHERE run_id = ? AND key = ?", m.value(), m.timestamp(), m.step(), runId, m.key());
    }
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
