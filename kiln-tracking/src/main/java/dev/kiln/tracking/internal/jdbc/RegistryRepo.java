package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.internal.Keys;
import dev.kiln.tracking.registry.RegisteredModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for registered models and their tags. */
final class RegistryRepo {
  static final Tags MODEL_TAGS = new Tags("model_tags", List.of("name"));

  RegisteredModel create(Connection c, String name, String description, Map<String, String> tags)
      throws SQLException {
    requireFree(c, name);
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

  private static void requireFree(Connection c, String name) throws SQLException {
    if (!Sql.query(c, "SELECT 1 FROM registered_models WHERE name = ?", rs -> 1, name).isEmpty()) {
      throw new ResourceAlreadyExistsException("Registered model '" + name + "' already exists.",
          "Create a new version of it with createModelVersion, or pick another name.");
    }
  }

  /**
   * Renames a model by copying its rows under the new name and deleting the old ones, since the
   * foreign keys of the V1 schema do not cascade updates.
   */
  RegisteredModel rename(Connection c, String name, String newName) throws SQLException {
    touch(c, name);
    requireFree(c, newName);
    copy(c, "registered_models", "name, description, creation_time, last_update_time", name,
        newName);
    copy(c, "model_tags", "name, key, value", name, newName);
    copy(c, "model_versions", "name, version, source, run_id, description, status, "
        + "creation_time, current_stage, last_update_time", name, newName);
    copy(c, "model_version_tags", "name, version, key, value", name, newName);
    copy(c, "aliases", "name, alias, version", name, newName);
    copy(c, "alias_history", "name, alias, seq, from_version, to_version, moved_at", name,
        newName);
    delete(c, name);
    return get(c, newName);
  }

  private static void copy(Connection c, String table, String columns, String from, String to)
      throws SQLException {
    String rest = columns.substring(columns.indexOf(',') + 1);
    Sql.update(c, "INSERT INTO " + table + " (" + columns + ") SELECT ?, " + rest + " FROM "
        + table + " WHERE name = ?", to, from);
  }

  RegisteredModel updateDescription(Connection c, String name, String description)
      throws SQLException {
    touch(c, name);
    Sql.update(c, "UPDATE registered_models SET description = ? WHERE name = ?",
        description == null ? "" : description, name);
    return get(c, name);
  }

  void setTag(Connection c, String name, String key, String value) throws SQLException {
    touch(c, name);
    MODEL_TAGS.set(c, Map.of(Keys.check("tag", key), value), name);
  }

  void deleteTag(Connection c, String name, String key) throws SQLException {
    touch(c, name);
    if (!MODEL_TAGS.delete(c, key, name)) {
      throw new ResourceNotFoundException("Registered model '" + name + "' has no tag '" + key
          + "'.", "Read its tags with registered-models/get.");
    }
  }

  /** Locks the model row for the rest of the transaction (portable: an UPDATE takes the lock). */
  void touch(Connection c, String name) throws SQLException {
    if (Sql.update(c, "UPDATE registered_models SET last_update_time = ? WHERE name = ?",
        System.currentTimeMillis(), name) == 0) {
      get(c, name);
    }
  }
}
