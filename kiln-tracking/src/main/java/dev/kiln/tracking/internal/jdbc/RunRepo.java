package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.CreateRunRequest;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.RunStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for creating, reading and ending runs. */
final class RunRepo {
  static final Tags TAGS = new Tags("run_tags", List.of("run_id"));
  /** The tag MLflow mirrors a run's name in. */
  static final String RUN_NAME_TAG = "mlflow.runName";

  /** The fixed columns of a run row. */
  private record Header(String id, String experimentId, String name, RunStatus status, long start,
      long end, boolean deleted, String artifactUri, String userId) {}

  /**
   * Inserts a run. Its name is, as MLflow's: {@code run_name}, else the {@code mlflow.runName}
   * tag, else generated; the tag is set to the name when absent.
   */
  String create(Connection c, CreateRunRequest run, Owner owner) throws SQLException {
    String id = UUID.randomUUID().toString().replace("-", "");
    String tagged = run.tags().get(RUN_NAME_TAG);
    boolean named = run.name() != null && !run.name().isBlank();
    if (named && tagged != null && !tagged.isBlank() && !tagged.equals(run.name())) {
      throw new InvalidParameterException("Both run_name '" + run.name() + "' and tag '"
          + RUN_NAME_TAG + "' '" + tagged + "' are given, with different values.",
          "Send one of them, or the same name in both.");
    }
    String name = named ? run.name() : tagged != null && !tagged.isBlank() ? tagged
        : "run-" + id.substring(0, 8);
    Map<String, String> tags = new java.util.LinkedHashMap<>(run.tags());
    tags.put(RUN_NAME_TAG, name);
    long now = System.currentTimeMillis();
    Sql.update(c, "INSERT INTO runs (id, experiment_id, name, status, start_time, end_time, "
        + "owner_host, owner_pid, heartbeat_time, user_id) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
        id, run.experimentId(), name, RunStatus.RUNNING.name(),
        run.startTime() == null ? now : run.startTime(), owner.host(), owner.pid(), now,
        run.userId());
    TAGS.set(c, tags, id);
    return id;
  }

  /** Renames an active run and its {@code mlflow.runName} tag, as MLflow does. */
  void rename(Connection c, String id, String name) throws SQLException {
    requireActive(c, id);
    if (name.isBlank()) {
      throw new InvalidParameterException("A run name cannot be empty.", "Send a name.");
    }
    Sql.update(c, "UPDATE runs SET name = ? WHERE id = ?", name, id);
    TAGS.set(c, Map.of(RUN_NAME_TAG, name), id);
  }

  Run get(Connection c, String id) throws SQLException {
    List<Run> runs = query(c, "r.id = ?", List.of(id));
    if (runs.isEmpty()) {
      throw notFound(id);
    }
    return runs.get(0);
  }

  static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("Run '" + id + "' does not exist.",
        "Find run ids with searchRuns or 'kiln runs list'.");
  }

  /** Returns full runs matching a condition over alias {@code r}, in the given order. */
  List<Run> query(Connection c, String whereAndOrder, List<Object> args) throws SQLException {
    List<Header> headers = Sql.query(c, "SELECT r.id, r.experiment_id, r.name, r.status, "
        + "r.start_time, r.end_time, r.deleted, e.artifact_location, r.user_id FROM runs r "
        + "JOIN experiments e ON e.id = r.experiment_id WHERE " + whereAndOrder, args, RunRepo::header);
    RunDetails details = RunDetails.load(c, headers.stream().map(Header::id).toList());
    List<Run> out = new java.util.ArrayList<>();
    for (Header h : headers) {
      out.add(new Run(h.id(), h.experimentId(), h.name(), h.status(), h.start(), h.end(),
          details.params(h.id()), details.metrics(h.id()), details.tags(h.id()),
          details.inputs(h.id()), h.deleted(), h.artifactUri(), h.userId()));
    }
    return out;
  }

  private static Header header(ResultSet rs) throws SQLException {
    long end = rs.getLong(6);
    return new Header(rs.getString(1), rs.getString(2), rs.getString(3),
        RunStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.wasNull() ? -1 : end,
        rs.getInt(7) != 0, rs.getString(8) + "/" + rs.getString(1) + "/artifacts",
        rs.getString(9));
  }

  static Metric metric(ResultSet rs) throws SQLException {
    return new Metric(rs.getString("key"), Sql.doubleOrNaN(rs, "value"), rs.getLong("ts"),
        rs.getLong("step"));
  }

  void end(Connection c, String id, RunStatus status, long endTime) throws SQLException {
    if (status == RunStatus.RUNNING) {
      throw new InvalidParameterException("A run cannot be updated back to RUNNING.",
          "End a run with FINISHED, FAILED or KILLED; start a new run to continue.");
    }
    Run run = get(c, id);
    if (run.status().isTerminal()) {
      throw new InvalidParameterException(
          "Run '" + id + "' already ended as " + run.status() + ".", "Start a new run instead.");
    }
    Sql.update(c, "UPDATE runs SET status = ?, end_time = ? WHERE id = ?", status.name(),
        endTime, id);
  }

  /** Marks a run deleted or active. */
  void setDeleted(Connection c, String id, boolean deleted) throws SQLException {
    if (Sql.update(c, "UPDATE runs SET deleted = ? WHERE id = ?", deleted ? 1 : 0, id) == 0) {
      throw notFound(id);
    }
  }

  void requireExists(Connection c, String id) throws SQLException {
    if (Sql.query(c, "SELECT 1 FROM runs WHERE id = ?", rs -> 1, id).isEmpty()) {
      throw notFound(id);
    }
  }

  /** Throws unless the run exists and is not deleted, as MLflow requires before logging. */
  void requireActive(Connection c, String id) throws SQLException {
    List<Integer> deleted = Sql.query(c, "SELECT deleted FROM runs WHERE id = ?",
        rs -> rs.getInt(1), id);
    if (deleted.isEmpty()) {
      throw notFound(id);
    }
    if (deleted.get(0) != 0) {
      throw new InvalidParameterException("Run '" + id + "' is deleted; nothing can be logged "
          + "to it.", "Restore it with runs/restore, or log to another run.");
    }
  }

  void deleteTag(Connection c, String id, String key) throws SQLException {
    requireActive(c, id);
    if (!TAGS.delete(c, key, id)) {
      throw new ResourceNotFoundException("Run '" + id + "' has no tag '" + key + "'.",
          "Read its tags with runs/get.");
    }
  }
}
