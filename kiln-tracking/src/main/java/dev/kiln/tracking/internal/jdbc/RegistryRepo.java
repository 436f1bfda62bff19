package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.RegisteredModel;
import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for registered models and their versions. */
final class RegistryRepo {
  static final Tags MODEL_TAGS = new Tags("model_tags", List.of("name"));
  static final Tags VERSION_TAGS = new Tags("model_version_tags", List.of("name", "version"));
  private static final String VERSION_COLUMNS =
      "name, version, source, run_id, description, status, creation_time";

  RegisteredModel create(Connection c, String name, String description, Map<String, String> tags)
      throws SQLException {
    if (!Sql.query(c, "SELECT 1 FROM registered_models WHERE name = ?", rs -> 1, name).isEmpty()) {
      throw new ResourceAlreadyExistsException("Registered model '" + name + "' already exists.",
          "Create a new version of it with createModelVersion, or pick another name.");
    }
    long now = System.currentTimeMillis();
    Sql.update(c, "INSERT INTO registered_models (name, description, creation_time, "
        + "last_update_time) VALUES (?, ?, ?, ?)", name, description == null ? "" : description,
        now, now);
    MODEL_TAGS.set(c, tags, name);
    return get(c, name);
  }

  RegisteredModel get(Connection c, String name) throws SQLException {
    List<RegisteredModel> found = query(c, "m.name = ?", List.of(name));
    if (found.isEmpty()) {
      throw new ResourceNotFoundException("Registered model '" + name + "' does not exist.",
          "List models with 'kiln models list' or searchRegisteredModels.");
    }
    return found.get(0);
  }

  List<RegisteredModel> query(Connection c, String whereAndOrder, List<Object> args)
      throws SQLException {
    List<RegisteredModel> rows = Sql.query(c, "SELECT m.name, m.description, m.creation_time, "
        + "m.last_update_time FROM registered_models m WHERE " + whereAndOrder, args,
        rs -> new RegisteredModel(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            Map.of(), Map.of()));
    List<RegisteredModel> out = new java.util.ArrayList<>();
    for (RegisteredModel m : rows) {
      Map<String, Long> aliases = new LinkedHashMap<>();
      Sql.query(c, "SELECT alias, version FROM aliases WHERE name = ? ORDER BY alias",
          rs -> aliases.put(rs.getString(1), rs.getLong(2)), m.name());
      out.add(new RegisteredModel(m.name(), m.description(), m.creationTime(),
          m.lastUpdateTime(), MODEL_TAGS.read(c, m.name()), aliases));
    }
    return out;
  }

  void delete(Connection c, String name) throws SQLException {
    get(c, name);
    Sql.update(c, "DELETE FROM aliases WHERE name = ?", name);
    Sql.update(c, "DELETE FROM model_versions WHERE name = ?", name);
    Sql.update(c, "DELETE FROM registered_models WHERE name = ?", name);
  }

  /** Locks the model row for the rest of the transaction (portable: an UPDATE takes the lock). */
  void touch(Connection c, String name) throws SQLException {
    if (Sql.update(c, "UPDATE registered_models SET last_update_time = ? WHERE name = ?",
        System.currentTimeMillis(), name) == 0) {
      get(c, name);
    }
  }

  ModelVersion createVersion(Connection c, ModelVersion draft) throws SQLException {
    touch(c, draft.name());
    long next = Sql.query(c, "SELECT COALESCE(MAX(version), 0) FROM model_versions WHERE name = ?",
        rs -> rs.getLong(1), draft.name()).get(0) + 1;
    Sql.update(c, "INSERT INTO model_versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        draft.name(), next, draft.source(), draft.runId(), draft.description(), draft.status(),
        draft.creationTime());
    VERSION_TAGS.set(c, draft.tags(), draft.name(), next);
    return getVersion(c, draft.name(), next);
  }

  ModelVersion getVersion(Connection c, String name, long version) throws SQLException {
    List<ModelVersion> found = versions(c, "name = ? AND version = ?", name, version);
    if (found.isEmpty()) {
      get(c, name);
      throw new ResourceNotFoundException("Model '" + name + "' has no version " + version + ".",
          "List its versions with searchModelVersions or 'kiln models show " + name + "'.");
    }
    return found.get(0);
  }

  List<ModelVersion> versions(Connection c, String where, Object... args) throws SQLException {
    List<ModelVersion> rows = Sql.query(c, "SELECT " + VERSION_COLUMNS + " FROM model_versions "
        + "WHERE " + where + " ORDER BY version", RegistryRepo::version, args);
    List<ModelVersion> out = new java.util.ArrayList<>();
    for (ModelVersion v : rows) {
      out.add(new ModelVersion(v.name(), v.version(), v.source(), v.runId(), v.description(),
          v.status(), v.creationTime(), VERSION_TAGS.read(c, v.name(), v.version())));
    }
    return out;
  }

  private static ModelVersion version(ResultSet rs) throws SQLException {
    return new ModelVersion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getLong(7), Map.of());
  }
}
