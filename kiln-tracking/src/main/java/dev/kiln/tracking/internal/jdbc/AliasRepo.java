package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.registry.AliasMove;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** SQL for aliases and their history of moves; each move is one transaction with its record. */
final class AliasRepo {
  private final RegistryRepo registry;
  private final VersionRepo versions;

  AliasRepo(RegistryRepo registry, VersionRepo versions) {
    this.registry = registry;
    this.versions = versions;
  }

  /** Points {@code alias} at {@code version} (-1 deletes it) and records the move. */
  void move(Connection c, String name, String alias, long version) throws SQLException {
    registry.touch(c, name);
    if (version >= 0) {
      versions.get(c, name, version);
    }
    long from = current(c, name, alias);
    if (from < 0 && version < 0) {
      throw missing(name, alias);
    }
    Sql.update(c, "DELETE FROM aliases WHERE name = ? AND alias = ?", name, alias);
    if (version >= 0) {
      Sql.update(c, "INSERT INTO aliases (name, alias, version) VALUES (?, ?, ?)", name, alias,
          version);
    }
    long seq = Sql.query(c, "SELECT COALESCE(MAX(seq), 0) FROM alias_history WHERE name = ? "
        + "AND alias = ?", rs -> rs.getLong(1), name, alias).get(0) + 1;
    Sql.update(c, "INSERT INTO alias_history (name, alias, seq, from_version, to_version, "
        + "moved_at) VALUES (?, ?, ?, ?, ?, ?)", name, alias, seq, from, version,
        System.currentTimeMillis());
  }

  private static long current(Connection c, String name, String alias) throws SQLException {
    List<Long> v = Sql.query(c, "SELECT version FROM aliases WHERE name = ? AND alias = ?",
        rs -> rs.getLong(1), name, alias);
    return v.isEmpty() ? -1 : v.get(0);
  }

  ModelVersion resolve(Connection c, String name, String alias) throws SQLException {
    long version = current(c, name, alias);
    if (version < 0) {
      registry.get(c, name);
      throw missing(name, alias);
    }
    return versions.get(c, name, version);
  }

  List<AliasMove> history(Connection c, String name, String alias) throws SQLException {
    return Sql.query(c, "SELECT name, alias, from_version, to_version, moved_at FROM "
        + "alias_history WHERE name = ? AND alias = ? ORDER BY seq",
        rs -> new AliasMove(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5)), name, alias);
  }

  /** Moves the alias back to the version it held before its last move. */
  ModelVersion rollback(Connection c, String name, String alias) throws SQLException {
    registry.touch(c, name);
    List<AliasMove> moves = history(c, name, alias);
    if (moves.isEmpty() || moves.get(moves.size() - 1).fromVersion() < 0) {
      throw new InvalidParameterException("Alias '" + alias + "' of model '" + name
          + "' has no previous version to roll back to.",
          "Set it explicitly with 'kiln models promote " + name + " VERSION --alias " + alias + "'.");
    }
    long previous = moves.get(moves.size() - 1).fromVersion();
    move(c, name, alias, previous);
    return versions.get(c, name, previous);
  }

  private static ResourceNotFoundException missing(String name, String alias) {
    return new ResourceNotFoundException("Model '" + name + "' has no alias '" + alias + "'.",
        "Set it with 'kiln models promote " + name + " VERSION --alias " + alias + "'.");
  }
}
