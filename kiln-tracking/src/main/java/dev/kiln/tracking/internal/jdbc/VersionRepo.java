package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.registry.ModelStage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL for the versions of registered models: numbering, descriptions, tags and stages. */
final class VersionRepo {
  static final Tags TAGS = new Tags("model_version_tags", List.of("name", "version"));
  private static final String COLUMNS = "mv.name, mv.version, mv.source, mv.run_id, "
      + "mv.description, mv.status, mv.current_stage, mv.creation_time, mv.last_update_time";

  private final RegistryRepo models;

  VersionRepo(RegistryRepo models) {
    this.models = models;
  }

  ModelVersion create(Connection c, ModelVersion draft) throws SQLException {
    models.touch(c, draft.name());
    long next = Sql.query(c, "SELECT COALESCE(MAX(version), 0) FROM model_versions WHERE name = ?",
        rs -> rs.getLong(1), draft.name()).get(0) + 1;
    Sql.update(c, "INSERT INTO model_versions (name, version, source, run_id, description, status, "
        + "current_stage, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        draft.name(), next, draft.source(), draft.runId(), draft.description(), draft.status(),
        draft.stage().label(), draft.creationTime(), draft.creationTime());
    TAGS.set(c, draft.tags(), draft.name(), next);
    return get(c, draft.name(), next);
  }

  ModelVersion get(Connection c, String name, long version) throws SQLException {
    List<ModelVersion> found = query(c, "mv.name = ? AND mv.version = ? ORDER BY mv.version",
        List.of(name, version));
    if (found.isEmpty()) {
      models.get(c, name);
      throw new ResourceNotFoundException("Model '" + name + "' has no version " + version + ".",
          "List its versions with searchModelVersions or 'kiln models show " + name + "'.");
    }
    return found.get(0);
  }

  /** Returns versions matching a condition (with its ORDER BY) over alias {@code mv}. */
  List<ModelVersion> query(Connection c, String whereAndOrder, List<Object> args)
      throws SQLException {
    List<ModelVersion> rows = Sql.query(c, "SELECT " + COLUMNS + " FROM model_versions mv WHERE "
        + whereAndOrder, args, VersionRepo::row);
    List<ModelVersion> out = new ArrayList<>();
    for (ModelVersion v : rows) {
      out.add(new ModelVersion(v.name(), v.version(), v.source(), v.runId(), v.description(),
          v.status(), v.stage(), v.creationTime(), v.lastUpdateTime(),
          TAGS.read(c, v.name(), v.version()), Sql.query(c, "SELECT alias FROM aliases WHERE"
              + " name = ? AND version = ? ORDER BY alias", rs -> rs.getString(1), v.name(),
              v.version())));
    }
    return out;
  }

  private static ModelVersion row(ResultSet rs) throws SQLException {
    return new ModelVersion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), ModelStage.parse(rs.getString(7)), rs.getLong(8),
        rs.getLong(9), Map.of(), List.of());
  }

  /** Sets columns of one version (e.g. {@code description = ?}) and its update time. */
  ModelVersion update(Connection c, String name, long version, String assignment, Object value)
      throws SQLException {
    get(c, name, version);
    Sql.update(c, "UPDATE model_versions SET " + assignment + ", last_update_time = ? "
        + "WHERE name = ? AND version = ?", value, System.currentTimeMillis(), name, version);
    return get(c, name, version);
  }

  void delete(Connection c, String name, long version) throws SQLException {
    models.touch(c, name);
    get(c, name, version);
    Sql.update(c, "DELETE FROM aliases WHERE name = ? AND version = ?", name, version);
    Sql.update(c, "DELETE FROM model_versions WHERE name = ? AND version = ?", name, version);
  }

  void setTag(Connection c, String name, long version, Map<String, String> tag)
      throws SQLException {
    get(c, name, version);
    TAGS.set(c, tag, name, version);
  }

  void deleteTag(Connection c, String name, long version, String key) throws SQLException {
    get(c, name, version);
    if (!TAGS.delete(c, key, name, version)) {
      throw new ResourceNotFoundException("Version " + version + " of model '" + name
          + "' has no tag '" + key + "'.", "Read its tags with model-versions/get.");
    }
  }

  ModelVersion transition(Connection c, String name, long version, ModelStage stage,
      boolean archiveExisting) throws SQLException {
    if (archiveExisting && !stage.isActive()) {
      throw new InvalidParameterException("Cannot archive existing versions when moving to stage '"
          + stage.label() + "'.", "Set archive_existing_versions only for Staging or Production.");
    }
    models.touch(c, name);
    ModelVersion moved = update(c, name, version, "current_stage = ?", stage.label());
    if (archiveExisting) {
      Sql.update(c, "UPDATE model_versions SET current_stage = ?, last_update_time = ? "
          + "WHERE name = ? AND current_stage = ? AND version <> ?", ModelStage.ARCHIVED.label(),
          System.currentTimeMillis(), name, stage.label(), version);
    }
    return moved;
  }

  List<ModelVersion> latest(Connection c, String name, Set<ModelStage> stages) throws SQLException {
    models.get(c, name);
    List<ModelVersion> out = new ArrayList<>();
    for (ModelStage stage : ModelStage.values()) {
      if (stages.isEmpty() || stages.contains(stage)) {
        out.addAll(query(c, "mv.name = ? AND mv.current_stage = ? ORDER BY mv.version DESC "
            + "LIMIT 1", List.of(name, stage.label())));
      }
    }
    return out;
  }
}
