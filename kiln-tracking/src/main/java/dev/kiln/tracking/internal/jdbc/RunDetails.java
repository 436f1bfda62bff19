package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The params, latest metrics, tags and inputs of many runs, loaded with one query per kind for
 * each chunk of run ids rather than four queries per run.
 */
final class RunDetails {
  /** Run ids per query; far below the bind-variable limits of SQLite and PostgreSQL. */
  private static final int CHUNK = 500;

  private final Map<String, Map<String, String>> params = new HashMap<>();
  private final Map<String, Map<String, Metric>> metrics = new HashMap<>();
  private final Map<String, Map<String, String>> tags = new HashMap<>();
  private final Map<String, List<DatasetInput>> inputs = new HashMap<>();

  private RunDetails() {}

  static RunDetails load(Connection c, List<String> ids) throws SQLException {
    RunDetails d = new RunDetails();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      String in = " WHERE run_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
          + ") ORDER BY run_id, ";
      Sql.query(c, "SELECT run_id, key, value FROM params" + in + "key", chunk,
          rs -> of(d.params, rs.getString(1)).put(rs.getString(2), rs.getString(3)));
      Sql.query(c, "SELECT run_id, key, value FROM run_tags" + in + "key", chunk,
          rs -> of(d.tags, rs.getString(1)).put(rs.getString(2), rs.getString(3)));
      Sql.query(c, "SELECT run_id, key, value, ts, step FROM latest_metrics" + in + "key", chunk,
          rs -> of(d.metrics, rs.getString(1)).put(rs.getString(2), RunRepo.metric(rs)));
      Sql.query(c, "SELECT run_id, name, location, version, content_hash, row_count, schema_text "
          + "FROM dataset_inputs" + in + "name, location", chunk,
          rs -> d.inputs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new DatasetInput(rs.getString(2), rs.getString(3), rs.getString(4),
                  rs.getString(5), rs.getLong(6), rs.getString(7))));
    }
    return d;
  }

  private static <V> Map<String, V> of(Map<String, Map<String, V>> byRun, String runId) {
    return byRun.computeIfAbsent(runId, k -> new LinkedHashMap<>());
  }

  Map<String, String> params(String runId) {
    return params.getOrDefault(runId, Map.of());
  }

  Map<String, Metric> metrics(String runId) {
    return metrics.getOrDefault(runId, Map.of());
  }

  Map<String, String> tags(String runId) {
    return tags.getOrDefault(runId, Map.of());
  }

  List<DatasetInput> inputs(String runId) {
    return inputs.getOrDefault(runId, List.of());
  }
}
