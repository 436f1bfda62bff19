package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.experiment.Experiment;
import dev.kiln.tracking.experiment.Experiments;
import dev.kiln.tracking.internal.Keys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for experiments and their tags. */
final class ExperimentRepo {
  static final Tags TAGS = new Tags("experiment_tags", List.of("experiment_id"));
  private static final String COLUMNS =
      "e.id, e.name, e.artifact_location, e.deleted, e.creation_time, e.last_update_time";

  private final String artifactRoot;

  ExperimentRepo(String artifactRoot) {
    this.artifactRoot = artifactRoot.endsWith("/") ? artifactRoot : artifactRoot + "/";
  }

  Experiment create(Connection c, String name, Map<String, String> tags) throws SQLException {
    requireFree(c, name);
    String id = UUID.randomUUID().toString().replace("-", "");
    long now = System.currentTimeMillis();
    Sql.update(c, "INSERT INTO experiments (id, name, artifact_location, deleted, creation_time, "
        + "last_update_time) VALUES (?, ?, ?, 0, ?, ?)", id, name, artifactRoot + id, now, now);
    TAGS.set(c, tags, id);
    return get(c, id);
  }

  /**
   * Creates MLflow's default experiment, id {@value Experiments#DEFAULT_ID} named {@value
   * Experiments#DEFAULT_NAME}, as MLflow's SQL store does when it opens a database without it:
   * clients that start runs with no experiment set log there. Nothing happens if the id exists
   * (also when deleted: MLflow does not recreate it either) or the name is taken.
   *
   * @return whether the default experiment exists afterwards
   */
  boolean createDefault(Connection c) throws SQLException {
    long now = System.currentTimeMillis();
    Sql.update(c, "INSERT INTO experiments (id, name, artifact_location, deleted, creation_time, "
        + "last_update_time) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING",
        Experiments.DEFAULT_ID, Experiments.DEFAULT_NAME, artifactRoot + Experiments.DEFAULT_ID,
        now, now);
    return !query(c, "e.id = ?", List.of(Experiments.DEFAULT_ID)).isEmpty();
  }

  Experiment get(Connection c, String id) throws SQLException {
    return one(c, "e.id = ?", id, "Experiment with id '" + id + "' does not exist.");
  }

  Experiment getByName(Connection c, String name) throws SQLException {
    return one(c, "e.name = ?", name, "Experiment '" + name + "' does not exist.");
  }

  private Experiment one(Connection c, String where, String arg, String missing)
      throws SQLException {
    List<Experiment> found = query(c, where, List.of(arg));
    if (found.isEmpty()) {
      throw new ResourceNotFoundException(missing, "List experiments with searchExperiments.");
    }
    return found.get(0);
  }

  /** Returns experiments matching a SQL condition over alias {@code e}. */
  List<Experiment> query(Connection c, String where, List<Object> args) throws SQLException {
    List<Experiment> rows = Sql.query(c, "SELECT " + COLUMNS + " FROM experiments e WHERE " + where,
        args, ExperimentRepo::row);
    List<Experiment> out = new java.util.ArrayList<>();
    for (Experiment e : rows) {
      out.add(new Experiment(e.id(), e.name(), e.artifactLocation(), e.deleted(),
          e.creationTime(), e.lastUpdateTime(), TAGS.read(c, e.id())));
    }
    return out;
  }

  private static Experiment row(ResultSet rs) throws SQLException {
    return new Experiment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
        rs.getLong(5), rs.getLong(6), Map.of());
  }

  private static void requireFree(Connection c, String name) throws SQLException {
    if (!Sql.query(c, "SELECT id FROM experiments WHERE name = ?", rs -> 1, name).isEmpty()) {
      throw new ResourceAlreadyExistsException("Experiment '" + name + "' already exists.",
          "Pick another name, or get the existing one with getExperimentByName.");
    }
  }

  void rename(Connection c, String id, String newName) throws SQLException {
    if (get(c, id).deleted()) {
      throw new InvalidParameterException("Experiment '" + id + "' is deleted and cannot be "
          + "renamed.", "Restore it first with experiments/restore.");
    }
    requireFree(c, newName);
    Sql.update(c, "UPDATE experiments SET name = ?, last_update_time = ? WHERE id = ?", newName,
        System.currentTimeMillis(), id);
  }

  /** Marks an experiment deleted or active. */
  void setDeleted(Connection c, String id, boolean deleted) throws SQLException {
    get(c, id);
    Sql.update(c, "UPDATE experiments SET deleted = ?, last_update_time = ? WHERE id = ?",
        deleted ? 1 : 0, System.currentTimeMillis(), id);
  }

  void setTag(Connection c, String id, String key, String value) throws SQLException {
    get(c, id);
    TAGS.set(c, Map.of(Keys.check("tag", key), value), id);
  }

  void deleteTag(Connection c, String id, String key) throws SQLException {
    get(c, id);
    if (!TAGS.delete(c, key, id)) {
      throw new ResourceNotFoundException("Experiment '" + id + "' has no tag '" + key + "'.",
          "Read its tags with experiments/get.");
    }
  }
}
